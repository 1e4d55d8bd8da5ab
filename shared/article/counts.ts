import type { Block, Inline } from './article';
import { blockLines, inlineText } from './article';

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

/** Words and characters of a text, before the reading time and the target are judged. */
export interface Tally {
  words: number;
  characters: number;
}

/** Words are space-separated tokens holding a letter or digit (a Vietnamese syllable is a word here). */
export function tallyText(text: string): Tally {
  return {
    words: text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length,
    characters: [...text.normalize('NFC')].length,
  };
}

export function countText(text: string, targetWords: number | null): Counts {
  return countTally(tallyText(text), targetWords);
}

/** Reading time and the comparison with the target, from a tally. */
export function countTally({ words, characters }: Tally, targetWords: number | null): Counts {
  const readingMinutes = words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
  let target: Counts['target'] = 'none';
  if (targetWords !== null && targetWords > 0) {
    if (words < targetWords * (1 - tolerance)) target = 'under';
    else if (words > targetWords * (1 + tolerance)) target = 'over';
    else target = 'on';
  }
  return { words, characters, readingMinutes, target };
}

/**
 * The tally of an article's text as `countText` counts the headline, lead and body joined by
 * line breaks, kept per block: a block object seen before (an editor keeps the objects of
 * blocks that did not change) is not counted again, so a keystroke in a long article costs
 * one block's count, not the whole article's.
 */
export function createArticleTally(): (text: {
  headline: string;
  lead: readonly Inline[];
  body: readonly Block[];
}) => Tally {
  const blocks = new WeakMap<object, Tally & { lines: number }>();
  let lead: { of: readonly Inline[]; tally: Tally } | undefined;
  const blockTally = (block: Block) => {
    let tally = blocks.get(block);
    if (!tally) {
      const lines = blockLines(block);
      tally = { ...tallyText(lines.join('\n')), lines: lines.length };
      blocks.set(block, tally);
    }
    return tally;
  };
  return ({ headline, lead: leadInlines, body }) => {
    if (lead?.of !== leadInlines) lead = { of: leadInlines, tally: tallyText(inlineText(leadInlines)) };
    const head = tallyText(headline);
    let words = head.words + lead.tally.words;
    // Headline, lead and body are joined by two line breaks; blocks with text by one each
    // (a block's own line breaks, between list items, are in its tally).
    let characters = head.characters + lead.tally.characters + 2;
    let joined = 0;
    for (const block of body) {
      const tally = blockTally(block);
      if (tally.lines === 0) continue;
      words += tally.words;
      characters += tally.characters;
      joined += 1;
    }
    return { words, characters: characters + Math.max(0, joined - 1) };
  };
}
