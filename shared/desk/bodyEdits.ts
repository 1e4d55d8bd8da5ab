import type { ArticleBody } from '../article/article';
import { canonical } from './canonical';

export interface BodyEdit {
  from: number;
  to: number;
  blocks: ArticleBody;
}

/** The one splice that turns `base` into `body`: what lies between their common start and end. */
export function bodyEditsBetween(base: ArticleBody, body: ArticleBody): BodyEdit[] {
  const a = base.map(canonical);
  const b = body.map(canonical);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  if (start === a.length && start === b.length) return [];
  return [{ from: start, to: a.length - end, blocks: body.slice(start, body.length - end) }];
}

/** Applies splices made against `base` (of blocks, or of block ids); undefined when they do not fit it (out of range or out of order). */
export function applyBodyEdits<T>(
  base: readonly T[],
  edits: readonly { from: number; to: number; blocks: readonly T[] }[],
): T[] | undefined {
  const out: T[] = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.from < at || edit.to < edit.from || edit.to > base.length) return undefined;
    out.push(...base.slice(at, edit.from), ...edit.blocks);
    at = edit.to;
  }
  out.push(...base.slice(at));
  return out;
}
