import { isVietnameseSyllable } from './syllable';

/**
 * Vietnamese typed with the pre-Unicode font encodings still found in newsroom archives:
 * TCVN3 (ABC, the .VnTime fonts) and VNI (VNI-Times). A document in one of them reaches us
 * as Latin-1/Windows-1252 characters ("Héi nghÞ" for "Hội nghị", "Hoäi nghò" in VNI);
 * this finds such text and converts it to Unicode (NFC).
 */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 (VN3): one byte per letter; the lower-case letters, and Ă Â Ê Ô Ơ Ư Đ. */
const tcvn3Letters: Record<string, string> = {
  '¡': 'Ă',
  '¢': 'Â',
  '£': 'Ê',
  '¤': 'Ô',
  '¥': 'Ơ',
  '¦': 'Ư',
  '§': 'Đ',
  '¨': 'ă',
  '©': 'â',
  ª: 'ê',
  '«': 'ô',
  '¬': 'ơ',
  '\u00ad': 'ư',
  '®': 'đ',
  µ: 'à',
  '¶': 'ả',
  '·': 'ã',
  '¸': 'á',
  '¹': 'ạ',
  '»': 'ằ',
  '¼': 'ẳ',
  '½': 'ẵ',
  '¾': 'ắ',
  Æ: 'ặ',
  Ç: 'ầ',
  È: 'ẩ',
  É: 'ẫ',
  Ê: 'ấ',
  Ë: 'ậ',
  Ì: 'è',
  Î: 'ẻ',
  Ï: 'ẽ',
  Ð: 'é',
  Ñ: 'ẹ',
  Ò: 'ề',
  Ó: 'ể',
  Ô: 'ễ',
  Õ: 'ế',
  Ö: 'ệ',
  '×': 'ì',
  Ø: 'ỉ',
  Ü: 'ĩ',
  Ý: 'í',
  Þ: 'ị',
  ß: 'ò',
  á: 'ỏ',
  â: 'õ',
  ã: 'ó',
  ä: 'ọ',
  å: 'ồ',
  æ: 'ổ',
  ç: 'ỗ',
  è: 'ố',
  é: 'ộ',
  ê: 'ờ',
  ë: 'ở',
  ì: 'ỡ',
  í: 'ớ',
  î: 'ợ',
  ï: 'ù',
  ñ: 'ủ',
  ò: 'ũ',
  ó: 'ú',
  ô: 'ụ',
  õ: 'ừ',
  ö: 'ử',
  '÷': 'ữ',
  ø: 'ứ',
  ù: 'ự',
  ú: 'ỳ',
  û: 'ỷ',
  ü: 'ỹ',
  ý: 'ý',
  þ: 'ỵ',
};

// VNI: a base letter followed by a mark character. Tones in the order
// none, sắc, huyền, hỏi, ngã, nặng; the vowels with their VNI spelling (upper case).
const vniVowels: [string, string[]][] = [
  ['A', ['A', 'AÙ', 'AØ', 'AÛ', 'AÕ', 'AÏ']],
  ['Â', ['AÂ', 'AÁ', 'AÀ', 'AÅ', 'AÃ', 'AÄ']],
  ['Ă', ['AÊ', 'AÉ', 'AÈ', 'AÚ', 'AÜ', 'AË']],
  ['E', ['E', 'EÙ', 'EØ', 'EÛ', 'EÕ', 'EÏ']],
  ['Ê', ['EÂ', 'EÁ', 'EÀ', 'EÅ', 'EÃ', 'EÄ']],
  ['O', ['O', 'OÙ', 'OØ', 'OÛ', 'OÕ', 'OÏ']],
  ['Ô', ['OÂ', 'OÁ', 'OÀ', 'OÅ', 'OÃ', 'OÄ']],
  ['Ơ', ['Ô', 'ÔÙ', 'ÔØ', 'ÔÛ', 'ÔÕ', 'ÔÏ']],
  ['U', ['U', 'UÙ', 'UØ', 'UÛ', 'UÕ', 'UÏ']],
  ['Ư', ['Ö', 'ÖÙ', 'ÖØ', 'ÖÛ', 'ÖÕ', 'ÖÏ']],
  ['I', ['I', 'Í', 'Ì', 'Æ', 'Ó', 'Ò']],
  ['Y', ['Y', 'YÙ', 'YØ', 'YÛ', 'YÕ', 'Î']],
];
const toneMarks = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

function buildVni(): Map<string, string> {
  const table = new Map<string, string>([
    ['Ñ', 'Đ'],
    ['ñ', 'đ'],
  ]);
  for (const [vowel, spellings] of vniVowels) {
    spellings.forEach((spelling, tone) => {
      const unicode = `${vowel}${toneMarks[tone] ?? ''}`.normalize('NFC');
      if (spelling === unicode) return;
      table.set(spelling, unicode);
      table.set(spelling.toLowerCase(), unicode.toLowerCase());
    });
  }
  return table;
}

const vniTable = buildVni();
// Longest spellings first, so "aù" wins over "a".
const vniPattern = new RegExp(
  [...vniTable.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

export function convertTcvn3(text: string): string {
  let out = '';
  for (const character of text) out += tcvn3Letters[character] ?? character;
  return out.normalize('NFC');
}

export function convertVni(text: string): string {
  return text.replace(vniPattern, (spelling) => vniTable.get(spelling) ?? spelling).normalize('NFC');
}

const converters: Record<LegacyEncoding, (text: string) => string> = { tcvn3: convertTcvn3, vni: convertVni };

/** Letters only Unicode Vietnamese has (beyond Latin-1): their presence means the text is Unicode already. */
const unicodeOnlyVietnamese = /[ăđĩũơưạ-ỹĂĐĨŨƠƯẠ-Ỹ]/u;

const words = (text: string): string[] => text.match(/[\p{L}\p{M}\u00a1-\u00bf\u00d7\u00f7]+/gu) ?? [];

function validShare(list: readonly string[]): number {
  if (list.length === 0) return 0;
  return list.filter((word) => isVietnameseSyllable(word)).length / list.length;
}

export interface LegacyDetection {
  encoding: LegacyEncoding;
  converted: string;
  /** Words that changed in the conversion. */
  changedWords: number;
}

/**
 * Decides whether a text is TCVN3 or VNI Vietnamese shown as Latin-1: among the words with a
 * Latin-1 letter, the conversion must turn most of them into well-formed Vietnamese
 * syllables that were not well formed before. Unicode Vietnamese (and French, German…) is
 * left alone.
 */
export function detectLegacyVietnamese(text: string): LegacyDetection | undefined {
  if (unicodeOnlyVietnamese.test(text)) return undefined;
  const suspects = words(text).filter((word) => /[\u00a1-\u00ff]/u.test(word));
  if (suspects.length < 2) return undefined;
  let best: LegacyDetection | undefined;
  let bestShare = 0;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const convert = converters[encoding];
    const changed = suspects.filter((word) => convert(word) !== word);
    if (changed.length < Math.max(2, suspects.length * 0.5)) continue;
    const after = validShare(changed.map(convert));
    const before = validShare(changed);
    if (after >= 0.8 && after - before >= 0.5 && after > bestShare) {
      bestShare = after;
      best = { encoding, converted: convert(text), changedWords: changed.length };
    }
  }
  return best;
}

/** Converts every piece of an article body's text when the whole of it reads as TCVN3 or VNI. */
export function convertLegacyBlocks<T>(
  blocks: T,
  text: string,
  map: (blocks: T, change: (text: string) => string) => T,
): { blocks: T; convertedFrom: LegacyEncoding | null } {
  const detection = detectLegacyVietnamese(text);
  if (!detection) return { blocks, convertedFrom: null };
  return { blocks: map(blocks, converters[detection.encoding]), convertedFrom: detection.encoding };
}
