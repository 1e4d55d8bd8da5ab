import type { ArticleContent, Block } from '../article/article';
import { canonical } from './canonical';
import { diff3, mergeSet, mergeText } from './diff3';

export type ArticleField = keyof ArticleContent;

export interface MergeResult {
  /** The merged content: everything both sides did, and the desk's text where they disagree. */
  content: ArticleContent;
  /** The fields where both sides changed the same thing differently. */
  conflicts: ArticleField[];
}

const key = canonical;
const equal = (a: unknown, b: unknown): boolean => key(a) === key(b);

/** Records keyed by an id (notes) or a name (contributors): each one merged as a whole. */
function mergeKeyed<T>(base: T[], ours: T[], theirs: T[], id: (item: T) => string): { value: T[]; conflict: boolean } {
  const baseById = new Map(base.map((item) => [id(item), item]));
  const theirsById = new Map(theirs.map((item) => [id(item), item]));
  const oursIds = new Set(ours.map(id));
  let conflict = false;
  const value: T[] = [];
  for (const item of ours) {
    const was = baseById.get(id(item));
    const other = theirsById.get(id(item));
    if (other === undefined) {
      // Removed by them: gone, unless we changed it (then ours stays, as a conflict).
      if (was === undefined) value.push(item);
      else if (!equal(was, item)) {
        value.push(item);
        conflict = true;
      }
      continue;
    }
    if (was !== undefined && equal(was, item)) value.push(other);
    else {
      value.push(item);
      if (was !== undefined && !equal(was, other) && !equal(item, other)) conflict = true;
    }
  }
  for (const item of theirs) if (!oursIds.has(id(item)) && !baseById.has(id(item))) value.push(item);
  return { value, conflict };
}

/** A block of plain text (one leaf, no marks): the only kind merged word by word. */
const plainText = (block: Block | undefined): string | undefined => {
  if (!block || (block.type !== 'paragraph' && block.type !== 'heading' && block.type !== 'blockquote'))
    return undefined;
  const [leaf, ...rest] = block.children;
  if (rest.length > 0 || !leaf || 'type' in leaf) return undefined;
  return Object.keys(leaf).length === 1 ? leaf.text : undefined;
};

/** The same block changed on both sides: merged word by word when it is plain text, else undefined. */
function mergeWords(base: Block, ours: Block, theirs: Block): Block | undefined {
  const [b, o, t] = [plainText(base), plainText(ours), plainText(theirs)];
  if (b === undefined || o === undefined || t === undefined || ours.type !== theirs.type) return undefined;
  if (!equal({ ...ours, children: [] }, { ...theirs, children: [] })) return undefined;
  const text = mergeText(b, o, t);
  return text === undefined ? undefined : ({ ...ours, children: [{ text }] } as Block);
}

function mergeBody(base: Block[], ours: Block[], theirs: Block[]): { value: Block[]; conflict: boolean } {
  let conflict = false;
  const value: Block[] = [];
  for (const hunk of diff3(base, ours, theirs, key)) {
    if ('ok' in hunk) {
      value.push(...hunk.ok);
      continue;
    }
    const { base: b, ours: o, theirs: t } = hunk.conflict;
    const words = b.length === 1 && o.length === 1 && t.length === 1 ? mergeWords(b[0]!, o[0]!, t[0]!) : undefined;
    if (words) value.push(words);
    else {
      value.push(...o);
      conflict = true;
    }
  }
  return { value, conflict };
}

/**
 * Three-way merge of an article: `ours` is the desk's current content, `theirs` a laptop's
 * change made on `base`. Simple fields merge by field, tags as a set, notes by id, contributors
 * by name, the body block by block and a block changed on both sides word by word.
 */
export function mergeArticle(base: ArticleContent, ours: ArticleContent, theirs: ArticleContent): MergeResult {
  const content = { ...ours };
  const conflicts: ArticleField[] = [];
  for (const field of Object.keys(theirs) as ArticleField[]) {
    const [b, o, t] = [base[field], ours[field], theirs[field]];
    if (equal(t, b) || equal(t, o)) continue;
    if (equal(o, b)) {
      Object.assign(content, { [field]: t });
      continue;
    }
    let merged: { value: unknown; conflict: boolean };
    if (field === 'tags') merged = { value: mergeSet(base.tags, ours.tags, theirs.tags), conflict: false };
    else if (field === 'notes') merged = mergeKeyed(base.notes, ours.notes, theirs.notes, (note) => note.id);
    else if (field === 'contributors')
      merged = mergeKeyed(base.contributors, ours.contributors, theirs.contributors, (person) => person.name);
    else if (field === 'body') merged = mergeBody(base.body, ours.body, theirs.body);
    else merged = { value: o, conflict: true };
    Object.assign(content, { [field]: merged.value });
    if (merged.conflict) conflicts.push(field);
  }
  return { content, conflicts };
}
