import { isVietnameseSyllable } from '../text/syllable';
import type { Finding, Segment } from './finding';

/** Reduplications that are words of their own, not typing slips. */
const reduplications = new Set([
  'dần',
  'từ',
  'ngày',
  'người',
  'nhà',
  'đời',
  'mãi',
  'thường',
  'xa',
  'lâu',
  'nhiều',
  'đâu',
  'ai',
  'gì',
  'năm',
  'tháng',
  'chầm',
  'hằng',
  'vừa',
  'càng',
  'rất',
]);

const hasVietnameseLetters = (word: string): boolean => /[^a-zA-Z]/.test(word);

/** The same word twice in a row, unless the pair is a word of its own. */
export function repeatedWords(segment: Segment, out: Finding[]): void {
  // Each word is compared with the next (a lookahead, so no pair is skipped).
  for (const match of segment.text.matchAll(/(?<![\p{L}\d])(\p{L}+)(?=( +)(\p{L}+)(?![\p{L}\d]))/gu)) {
    const [, first = '', gap = '', second = ''] = match;
    const whole = `${first}${gap}${second}`;
    if (first.toLowerCase() !== second.toLowerCase() || reduplications.has(first.toLowerCase())) continue;
    const start = match.index + first.length;
    out.push({
      rule: 'repeated-word',
      place: segment.place,
      start,
      end: start + gap.length + second.length,
      excerpt: whole,
      fix: '',
    });
  }
}

/** A word that is no Vietnamese syllable but splits into two is two words typed together. */
function splitMerged(word: string): string | undefined {
  for (let at = 1; at < word.length; at += 1) {
    const head = word.slice(0, at);
    const tail = word.slice(at);
    if (isVietnameseSyllable(head) && isVietnameseSyllable(tail)) return `${head} ${tail}`;
  }
  return undefined;
}

/** A Vietnamese-looking word that is no syllable: two words typed together. */
export function mergedWords(segment: Segment, known: Set<string>, out: Finding[]): void {
  for (const match of segment.text.matchAll(/\p{L}+/gu)) {
    const word = match[0];
    const before = segment.text.charAt(match.index - 1);
    const after = segment.text.charAt(match.index + word.length);
    if (word.length < 2 || /[\d@/._-]/.test(before + after)) continue;
    if (
      /\p{Lu}/u.test(word.slice(1)) ||
      !hasVietnameseLetters(word) ||
      (known.size > 0 && known.has(word.toLowerCase()))
    )
      continue;
    if (isVietnameseSyllable(word)) continue;
    out.push({
      rule: 'merged-word',
      place: segment.place,
      start: match.index,
      end: match.index + word.length,
      excerpt: word,
      fix: splitMerged(word),
    });
  }
}
