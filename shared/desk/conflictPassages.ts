import type { ArticleContent, Block } from '../article/article';
import { blockLines } from '../article/article';
import { canonical } from './canonical';
import { matches } from './diff3';

/** One place where the two texts of a conflict differ: a field, or a run of body blocks. */
export interface Passage {
  field: keyof ArticleContent;
  /** For the body: the blocks of the current text this passage replaces, [from, to). */
  from?: number;
  to?: number;
  /** The current text's lines here, and the other text's. */
  current: string[];
  kept: string[];
  keptBlocks?: Block[];
}

const textOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.map((item) => canonical(item))
      : [canonical(value)];

/**
 * Where the current text and the kept one differ, for the fields the desk named: each other
 * field whole, and the body as runs of blocks between the blocks both share, in order.
 */
export function conflictPassages(current: ArticleContent, kept: ArticleContent, fields: readonly string[]): Passage[] {
  const passages: Passage[] = [];
  for (const field of fields as (keyof ArticleContent)[]) {
    if (field !== 'body') {
      if (canonical(current[field]) !== canonical(kept[field]))
        passages.push({ field, current: textOf(current[field]), kept: textOf(kept[field]) });
      continue;
    }
    const [a, b] = [current.body.map(canonical), kept.body.map(canonical)];
    const match = matches(a, b);
    let i = 0;
    let j = 0;
    const flush = (toI: number, toJ: number) => {
      if (toI > i || toJ > j) {
        const keptBlocks = kept.body.slice(j, toJ);
        passages.push({
          field,
          from: i,
          to: toI,
          current: current.body.slice(i, toI).flatMap(blockLines),
          kept: keptBlocks.flatMap(blockLines),
          keptBlocks,
        });
      }
    };
    for (let at = 0; at <= a.length; at += 1) {
      const other = at < a.length ? (match[at] ?? -1) : b.length;
      if (other < 0) continue;
      flush(at, other);
      i = at + 1;
      j = other + 1;
    }
  }
  return passages;
}

/** The text a person chose, passage by passage: `useKept[n]` takes the kept text of passage n. */
export function resolveConflict(
  current: ArticleContent,
  kept: ArticleContent,
  passages: readonly Passage[],
  useKept: readonly boolean[],
): Partial<ArticleContent> {
  const changes: Partial<ArticleContent> = {};
  const body = [...current.body];
  let bodyChanged = false;
  // Body passages from the last, so the block numbers of earlier ones stay right.
  for (let index = passages.length - 1; index >= 0; index -= 1) {
    const passage = passages[index];
    if (!passage || useKept[index] !== true) continue;
    if (passage.field === 'body') {
      body.splice(passage.from ?? 0, (passage.to ?? 0) - (passage.from ?? 0), ...(passage.keptBlocks ?? []));
      bodyChanged = true;
    } else Object.assign(changes, { [passage.field]: kept[passage.field] });
  }
  if (bodyChanged) changes.body = body;
  return changes;
}
