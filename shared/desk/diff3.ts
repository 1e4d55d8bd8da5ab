/**
 * A three-way merge of sequences (diff3): the parts of `base` that neither side touched anchor
 * the merge; between anchors, a part changed on one side only takes that side, a part changed
 * the same way on both takes it once, and a part changed differently on both is a conflict.
 */
export type Hunk<T> = { ok: T[] } | { conflict: { base: T[]; ours: T[]; theirs: T[] } };

/** Above this many cells the longest common subsequence is not computed; the whole is one hunk. */
const maxCells = 4_000_000;

/** For each index of `a`, the index of `b` it is matched to in a longest common subsequence, or -1. */
export function matches(a: readonly string[], b: readonly string[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > maxCells) return match;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      table[i * (m + 1) + j] =
        a[i] === b[j]
          ? (table[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * (m + 1) + j] ?? 0, table[i * (m + 1) + j + 1] ?? 0);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      match[i] = j;
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * (m + 1) + j] ?? 0) >= (table[i * (m + 1) + j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return match;
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

export function diff3<T>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
): Hunk<T>[] {
  const [baseKeys, ourKeys, theirKeys] = [base.map(key), ours.map(key), theirs.map(key)];
  const toOurs = matches(baseKeys, ourKeys);
  const toTheirs = matches(baseKeys, theirKeys);
  const hunks: Hunk<T>[] = [];
  const push = (items: T[]) => {
    if (items.length === 0) return;
    const last = hunks.at(-1);
    if (last && 'ok' in last) last.ok.push(...items);
    else hunks.push({ ok: items });
  };
  let i = 0;
  let j = 0;
  let k = 0;
  const settle = (baseEnd: number, oursEnd: number, theirsEnd: number) => {
    const [b, o, t] = [baseKeys.slice(i, baseEnd), ourKeys.slice(j, oursEnd), theirKeys.slice(k, theirsEnd)];
    const [bi, oi, ti] = [base.slice(i, baseEnd), ours.slice(j, oursEnd), theirs.slice(k, theirsEnd)];
    if (same(o, b)) push(ti);
    else if (same(t, b) || same(o, t)) push(oi);
    else if (b.length === o.length && b.length === t.length) {
      // Neighbouring parts changed, one by each side (two adjacent paragraphs): item by item.
      b.forEach((was, at) => {
        if (o[at] === was) push([ti[at] as T]);
        else if (t[at] === was || t[at] === o[at]) push([oi[at] as T]);
        else hunks.push({ conflict: { base: [bi[at] as T], ours: [oi[at] as T], theirs: [ti[at] as T] } });
      });
    } else hunks.push({ conflict: { base: bi, ours: oi, theirs: ti } });
  };
  for (let s = 0; s < base.length; s += 1) {
    const o = toOurs[s] ?? -1;
    const t = toTheirs[s] ?? -1;
    if (o < j || t < k) continue;
    settle(s, o, t);
    push([ours[o] as T]);
    i = s + 1;
    j = o + 1;
    k = t + 1;
  }
  settle(base.length, ours.length, theirs.length);
  return hunks;
}

/** Text changed on both sides, merged word by word; undefined when the same words changed differently. */
export function mergeText(base: string, ours: string, theirs: string): string | undefined {
  const words = (text: string) => text.split(/(\s+)/u);
  const hunks = diff3(words(base), words(ours), words(theirs), (word) => word);
  if (hunks.some((hunk) => 'conflict' in hunk)) return undefined;
  return hunks.flatMap((hunk) => ('ok' in hunk ? hunk.ok : [])).join('');
}

/** A set changed on both sides (tags, keywords): what either removed is gone, what either added is in, ours' order first. */
export function mergeSet(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const was = new Set(base);
  const removed = new Set(base.filter((item) => !theirs.includes(item)));
  return [
    ...ours.filter((item) => !removed.has(item)),
    ...theirs.filter((item) => !was.has(item) && !ours.includes(item)),
  ];
}
