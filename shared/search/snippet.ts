import type { QueryTerm } from './query';
import { foldedForm } from './query';

export interface Snippet {
  text: string;
  /** [start, end) offsets of the matches in `text`. */
  highlights: [number, number][];
}

/** Folding maps each NFC letter to one letter, so offsets in the folded text are offsets in the text. */
const foldForMatching = (text: string): string => {
  const folded = foldedForm(text);
  return folded.length === text.length ? folded : text.toLowerCase();
};

/** A window of the text around the first match, with every match in it marked. */
export function makeSnippet(text: string, terms: readonly QueryTerm[], radius = 80): Snippet {
  const haystack = foldForMatching(text);
  const needles = terms.map((term) => foldedForm(term.text)).filter((needle) => needle !== '');
  const hits: [number, number][] = [];
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      const before = haystack.charAt(at - 1);
      if (at > 0 && /[\p{L}\p{N}]/u.test(before)) continue;
      hits.push([at, at + needle.length]);
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  const first = hits[0]?.[0] ?? 0;
  let start = Math.max(0, first - radius);
  let end = Math.min(text.length, first + radius * 2);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const prefix = start > 0 ? '…' : '';
  return {
    text: `${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`,
    highlights: hits
      .filter(([from, to]) => from >= start && to <= end)
      .map(([from, to]) => [from - start + prefix.length, to - start + prefix.length]),
  };
}
