import type { PhotoMeta } from '../photos/photo';
import { canonical } from './canonical';
import { diff3 } from './diff3';

export interface PhotoMergeResult {
  meta: PhotoMeta;
  /** The fields where both sides changed the same words differently: the desk's text stays. */
  conflicts: (keyof PhotoMeta)[];
}

const equal = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** A field of text changed on both sides, merged word by word; undefined when the same words changed differently. */
function mergeWords(base: string, ours: string, theirs: string): string | undefined {
  const words = (text: string) => text.split(/(\s+)/u);
  const hunks = diff3(words(base), words(ours), words(theirs), (word) => word);
  if (hunks.some((hunk) => 'conflict' in hunk)) return undefined;
  return hunks.flatMap((hunk) => ('ok' in hunk ? hunk.ok : [])).join('');
}

/**
 * Three-way merge of a photo record: `ours` is the desk's, `theirs` a laptop's change made on
 * `base`. Each field on its own; text changed on both sides word by word; keywords as a set.
 */
export function mergePhoto(base: PhotoMeta, ours: PhotoMeta, theirs: Partial<PhotoMeta>): PhotoMergeResult {
  const meta: PhotoMeta = { ...ours };
  const conflicts: (keyof PhotoMeta)[] = [];
  for (const field of Object.keys(theirs) as (keyof PhotoMeta)[]) {
    const [b, o, t] = [base[field], ours[field], theirs[field]];
    if (t === undefined || equal(t, b) || equal(t, o)) continue;
    if (equal(o, b)) {
      Object.assign(meta, { [field]: t });
      continue;
    }
    if (field === 'keywords') {
      const [bs, os, ts] = [new Set(base.keywords), ours.keywords, t as string[]];
      const removed = new Set([...bs].filter((word) => !ts.includes(word)));
      meta.keywords = [...os.filter((word) => !removed.has(word)), ...ts.filter((w) => !bs.has(w) && !os.includes(w))];
      continue;
    }
    const words = typeof t === 'string' ? mergeWords(b as string, o as string, t) : undefined;
    if (words === undefined) conflicts.push(field);
    else Object.assign(meta, { [field]: words });
  }
  return { meta, conflicts };
}
