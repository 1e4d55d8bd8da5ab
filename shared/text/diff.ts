export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * Words, runs of spaces and line breaks each make a token, so a diff shows whole words and a
 * changed space is a change of its own (a non-breaking space for a space, say).
 */
export const wordTokens = (text: string): string[] => text.match(/\n|[^\S\n]+|[^\s]+/gu) ?? [];

/** Beyond this many edits the two texts are shown as one replacement: quick, and still true. */
const maxEdits = 2000;

/**
 * Myers' O((N+M)·D) difference of two token lists, after trimming what they share at both
 * ends. Adjacent parts of the same kind are merged.
 */
export function diffTokens(before: readonly string[], after: readonly string[]): DiffPart[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('equal', before.slice(0, start).join(''));
  for (const part of middle(before.slice(start, endBefore), after.slice(start, endAfter))) push(part.op, part.text);
  push('equal', before.slice(endBefore).join(''));
  return parts;
}

function middle(a: readonly string[], b: readonly string[]): DiffPart[] {
  if (a.length === 0) return [{ op: 'insert', text: b.join('') }];
  if (b.length === 0) return [{ op: 'delete', text: a.join('') }];
  const n = a.length;
  const m = b.length;
  const offset = n + m;
  const v = new Int32Array(2 * offset + 2);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(offset, maxEdits) && found < 0; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0)
    return [
      { op: 'delete', text: a.join('') },
      { op: 'insert', text: b.join('') },
    ];
  // Walk the trace back from the end, collecting the path in reverse.
  const reversed: DiffPart[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const previous = trace[d] as Int32Array;
    const k = x - y;
    const at = (index: number): number => previous[offset + index] ?? 0;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    const stepX = previousK === k + 1 ? previousX : previousX + 1;
    const stepY = previousK === k + 1 ? previousY + 1 : previousY;
    while (x > stepX && y > stepY) {
      x -= 1;
      y -= 1;
      reversed.push({ op: 'equal', text: a[x] as string });
    }
    if (previousK === k + 1) reversed.push({ op: 'insert', text: b[previousY] as string });
    else reversed.push({ op: 'delete', text: a[previousX] as string });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    reversed.push({ op: 'equal', text: a[x] as string });
  }
  const parts: DiffPart[] = [];
  for (const part of reversed.reverse()) {
    const last = parts.at(-1);
    if (last?.op === part.op) last.text += part.text;
    else parts.push({ ...part });
  }
  return parts;
}

export const diffWords = (before: string, after: string): DiffPart[] =>
  diffTokens(wordTokens(before), wordTokens(after));

/** Characters a reader cannot see, each with the sign that shows it in a comparison. */
const invisibles: Record<string, string> = {
  '\u00a0': '⍽',
  '\u202f': '⍽',
  '\u200b': '[ZWSP]',
  '\u200c': '[ZWNJ]',
  '\u200d': '[ZWJ]',
  '\u2060': '[WJ]',
  '\ufeff': '[BOM]',
  '\u00ad': '[SHY]',
  '\t': '→',
};

const invisiblePattern = new RegExp(Object.keys(invisibles).join('|'), 'gu');

/** Shows what would otherwise be invisible: spaces as ·, the characters above by their signs. */
export const revealInvisible = (text: string): string =>
  text.replace(invisiblePattern, (character) => invisibles[character] ?? character).replace(/ /g, '·');

/** What a reader sees: invisible characters gone, every kind of space one space. */
export const visibleForm = (text: string): string =>
  text
    .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/gu, '')
    .replace(/[^\S\n]+/gu, ' ')
    .replace(/ +\n|\n +/g, '\n')
    .trim();
