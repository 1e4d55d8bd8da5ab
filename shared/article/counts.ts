/** Adult news reading speed for Vietnamese, in words (syllables) per minute. */
const wordsPerMinute = 220;
/** Within this share of the target, a story is on length. */
const tolerance = 0.1;

export interface Counts {
  words: number;
  characters: number;
  readingMinutes: number;
  target: 'none' | 'under' | 'on' | 'over';
}

/** Words are space-separated tokens holding a letter or digit (a Vietnamese syllable is a word here). */
export function countText(text: string, targetWords: number | null): Counts {
  const words = text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
  const characters = [...text.normalize('NFC')].length;
  const readingMinutes = words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
  let target: Counts['target'] = 'none';
  if (targetWords !== null && targetWords > 0) {
    if (words < targetWords * (1 - tolerance)) target = 'under';
    else if (words > targetWords * (1 + tolerance)) target = 'over';
    else target = 'on';
  }
  return { words, characters, readingMinutes, target };
}
