import type { Finding, Segment } from './finding';

/** Missing, extra and doubled spaces around punctuation. */
export function spacing(segment: Segment, out: Finding[]): void {
  const { text, place } = segment;
  const found = (rule: Finding['rule'], start: number, length: number, fix: string, after = 9) =>
    out.push({
      rule,
      place,
      start,
      end: start + length,
      excerpt: text.slice(Math.max(0, start - 8), start + after),
      fix,
    });
  for (const match of text.matchAll(/([,;:])(?=\p{L})/gu)) {
    const token = /\S*$/.exec(text.slice(0, match.index))?.[0] ?? '';
    if (token.includes('@') || /^(https?|mailto)$/i.test(token) || /\/\/|www\./i.test(token)) continue;
    found('space-after-punctuation', match.index, 1, `${match[1]} `);
  }
  for (const match of text.matchAll(/(?<=\p{Ll}{3})([.!?])(?=\p{Lu}\p{Ll})/gu))
    found('space-after-punctuation', match.index, 1, `${match[1]} `);
  for (const match of text.matchAll(/(?<=[\p{L}\d”)]) +(?=[,;.!?:](?:\s|$))/gu))
    found('space-before-punctuation', match.index, match[0].length, '');
  for (const match of text.matchAll(/(?<=\S) {2,}(?=\S)/g))
    found('double-space', match.index, match[0].length, ' ', 10);
}

/** Straight quotes, and quotes or brackets opened and never closed (or closed and never opened). */
export function quotes(segment: Segment, out: Finding[]): void {
  const { text, place } = segment;
  for (const match of text.matchAll(/"|(?<!\p{L})'|'(?!\p{L})/gu)) {
    const opening = match.index === 0 || /[\s([{“]/u.test(text.charAt(match.index - 1));
    out.push({
      rule: 'straight-quotes',
      place,
      start: match.index,
      end: match.index + 1,
      excerpt: text.slice(Math.max(0, match.index - 8), match.index + 9),
      fix: match[0] === '"' ? (opening ? '“' : '”') : opening ? '‘' : '’',
    });
  }
  for (const [open, close] of [
    ['“', '”'],
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    const stack: number[] = [];
    for (let index = 0; index < text.length; index += 1) {
      const char = text.charAt(index);
      if (char === open) stack.push(index);
      else if (char === close) {
        if (stack.length > 0) stack.pop();
        else
          out.push({
            rule: 'unbalanced',
            place,
            start: index,
            end: index + 1,
            excerpt: text.slice(Math.max(0, index - 12), index + 1),
          });
      }
    }
    for (const index of stack)
      out.push({ rule: 'unbalanced', place, start: index, end: index + 1, excerpt: text.slice(index, index + 12) });
  }
}
