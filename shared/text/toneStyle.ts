/**
 * Where the tone mark sits in open oa, oe, uy syllables, named by example: 'oà' marks the
 * second vowel (hoà, khoẻ, thuỷ; the 1980s reform's "kiểu mới"), 'òa' the first (hòa, khỏe,
 * thủy; the traditional "kiểu cũ", still the most common in the press). Closed syllables
 * (hoàng) and qu- syllables (quý) are written the same in both.
 */
export type ToneStyle = 'oà' | 'òa';
export const toneStyles: readonly ToneStyle[] = ['òa', 'oà'];

const tone = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
const firstVowel = new RegExp(`^(.*?)(o|O)(${tone})([aeAE])$|^(.*?)(u|U)(${tone})([yY])$`, 'u');
const secondVowel = new RegExp(`^(.*?)([oO])([aeAE])(${tone})$|^(.*?)([uU])([yY])(${tone})$`, 'u');

const isQu = (prefix: string): boolean => /q$/i.test(prefix);

/** Only words with oa, oe or uy (marked or not) can differ between the styles. */
const candidate = /[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ]/iu;
const styleMemo = new Map<string, ToneStyle | undefined>();

/** The style of one word, or undefined when the word looks the same in both styles. */
export function toneStyleOf(word: string): ToneStyle | undefined {
  if (!candidate.test(word)) return undefined;
  if (styleMemo.has(word)) return styleMemo.get(word);
  if (styleMemo.size > 20_000) styleMemo.clear();
  const style = styleFromNfd(word);
  styleMemo.set(word, style);
  return style;
}

function styleFromNfd(word: string): ToneStyle | undefined {
  const nfd = word.normalize('NFD');
  const first = firstVowel.exec(nfd);
  if (first && !isQu(first[5] ?? '')) return 'òa';
  const second = secondVowel.exec(nfd);
  if (second && !isQu(second[5] ?? '')) return 'oà';
  return undefined;
}

/** The word in the given style (NFC); words the styles agree on come back unchanged. */
export function withToneStyle(word: string, style: ToneStyle): string {
  const current = toneStyleOf(word);
  if (current === undefined || current === style) return word;
  const nfd = word.normalize('NFD');
  const converted =
    style === 'oà'
      ? nfd.replace(firstVowel, (_all, a = '', o = '', t = '', v = '', b = '', u = '', t2 = '', y = '') =>
          o ? `${a}${o}${v}${t}` : `${b}${u}${y}${t2}`,
        )
      : nfd.replace(secondVowel, (_all, a = '', o = '', v = '', t = '', b = '', u = '', y = '', t2 = '') =>
          o ? `${a}${o}${t}${v}` : `${b}${u}${t2}${y}`,
        );
  return converted.normalize('NFC');
}

/** Every word of a text in the given style: the command that applies the house style. */
export const applyToneStyle = (text: string, style: ToneStyle): string =>
  text.replace(/\p{L}+/gu, (word) => withToneStyle(word, style));
