import type { PhotoMeta } from '../photos/photo';
import { canonical } from './canonical';
import { mergeSet, mergeText } from './diff3';

export interface PhotoMergeResult {
  meta: PhotoMeta;
  /** The fields where both sides changed the same words differently: the desk's text stays. */
  conflicts: (keyof PhotoMeta)[];
}

const equal = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

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
      meta.keywords = mergeSet(base.keywords, ours.keywords, t as string[]);
      continue;
    }
    const words = typeof t === 'string' ? mergeText(b as string, o as string, t) : undefined;
    if (words === undefined) conflicts.push(field);
    else Object.assign(meta, { [field]: words });
  }
  return { meta, conflicts };
}
