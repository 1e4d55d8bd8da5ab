/**
 * A rule-based validator of written Vietnamese syllables: initial consonant, rime (medial,
 * nucleus, final) and tone, with the spelling rules (c/k/q, g/gh, ng/ngh) and the tone rule
 * that a stop final (p, t, c, ch) takes only the sắc or nặng tone.
 */

export type Tone = 'ngang' | 'sac' | 'huyen' | 'hoi' | 'nga' | 'nang';

const toneOfMark: Record<string, Tone> = {
  '\u0301': 'sac',
  '\u0300': 'huyen',
  '\u0309': 'hoi',
  '\u0303': 'nga',
  '\u0323': 'nang',
};

/** Marks that change the vowel (ă â ê ô ơ ư) are kept; tone marks are taken off. */
export function splitTone(syllable: string): { base: string; tone: Tone; toneMarks: number } {
  let tone: Tone = 'ngang';
  let toneMarks = 0;
  const base = syllable
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, (mark) => {
      tone = toneOfMark[mark] ?? tone;
      toneMarks += 1;
      return '';
    })
    .normalize('NFC');
  return { base, tone, toneMarks };
}

const initials = [
  'ngh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ng',
  'nh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

/** Every written rime, without tone: medial (o/u), nucleus, final. */
const rimes = new Set(
  `a ai am an ang anh ao ap at au ay ac ach
   ă ăm ăn ăng ăp ăt ăc
   â âm ân âng âp ât âu ây âc
   e em en eng eo ep et ec
   ê êm ên ênh êp êt êu êch
   i ia im in inh ip it iu ich
   iê iêm iên iêng iêp iêt iêu iêc
   o oi om on ong op ot oc oong ooc
   ô ôi ôm ôn ông ôp ôt ôc ôông
   ơ ơi ơm ơn ơp ơt
   u ua ui um un ung up ut uc
   uô uôi uôm uôn uông uôt uôc
   ư ưa ưi ưu ưm ưn ưng ưt ưc
   ươ ươi ươu ươm ươn ương ươp ươt ươc
   y yê yêm yên yêng yêt yêu
   oa oai oay oao oam oan oang oanh oap oat oac oach
   oă oăm oăn oăng oăp oăt oăc
   oe oeo oen oet
   uâ uân uâng uât uây
   uê uênh uêch
   uy uya uyu uyn uynh uyp uyt uych uyê uyên uyêt
   uơ`.split(/\s+/),
);

const stopFinal = /(p|t|c|ch)$/;

/** Letters a syllable may consist of. */
const letters = /^[a-zăâđêôơư]+$/;

/** Rimes opened by a glide (the o of hoa, the u of tuy): written qu-, not c-/k-. */
const glideRime = /^(o[aăe]|u[âêyơ])/;
/** Front vowels: they take k, gh, ngh instead of c, g, ng. */
const frontRime = /^[ieêy]/;

/** After qu the glide u is already written, so uyt, uynh, uych appear as yt, ynh, ych: quýt, quỳnh. */
const quOnlyRimes = new Set(['yt', 'ynh', 'ych', 'yn', 'yp']);

function rimeAllowed(initial: string, rime: string): boolean {
  if (initial === 'qu' && quOnlyRimes.has(rime)) return true;
  if (!rimes.has(rime)) return false;
  switch (initial) {
    case 'c':
      return !frontRime.test(rime) && !glideRime.test(rime);
    case 'k':
      return frontRime.test(rime);
    case 'qu':
      // The u of qu is the glide itself: qua, quân, quê, quy, quyết, quơ.
      return !/^[uo]/.test(rime);
    case 'g':
    case 'ng':
      return !frontRime.test(rime);
    case 'gh':
    case 'ngh':
      return /^[ieê]/.test(rime);
    default:
      return true;
  }
}

/** Text repeats its words: a bounded memo makes checking a long article cheap. */
const memo = new Map<string, boolean>();

/** True when the word is one well-formed Vietnamese syllable (any case, any tone placement). */
export function isVietnameseSyllable(word: string): boolean {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const valid = validate(word);
  if (memo.size > 50_000) memo.clear();
  memo.set(word, valid);
  return valid;
}

function validate(word: string): boolean {
  const { base: raw, tone, toneMarks } = splitTone(word.toLowerCase());
  if (toneMarks > 1 || !letters.test(raw)) return false;
  for (const initial of initials) {
    if (!raw.startsWith(initial)) continue;
    let rime = raw.slice(initial.length);
    // After gi the i of the rime is written once: gì (gi + i), gìn, giếng (gi + iêng).
    if (initial === 'gi' && !rimes.has(rime)) rime = `i${rime}`;
    if (rime === '' || !rimeAllowed(initial, rime)) continue;
    if (stopFinal.test(rime) && tone !== 'sac' && tone !== 'nang') continue;
    return true;
  }
  return false;
}
