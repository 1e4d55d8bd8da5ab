import type { ArticleContent, ArticleStatus, Block, Inline } from '../article/article';
import { bodyText, inlineText } from '../article/article';
import type { CreditTemplate } from '../article/credits';
import { creditLine } from '../article/credits';
import type { DiffPart } from '../text/diff';
import { diffTokens, diffWords, visibleForm } from '../text/diff';

/**
 * Why a version was kept: the article's first version, an automatic one (at most one per
 * few minutes of editing, thinned with age), a status change, a version the user named,
 * the text just before a restore, and (for articles older than history) the state when
 * history began.
 */
export const revisionKinds = ['first', 'auto', 'status', 'named', 'before_restore', 'baseline'] as const;
export type RevisionKind = (typeof revisionKinds)[number];

export interface RevisionSummary {
  id: number;
  articleId: number;
  /** The article's version this is a copy of. */
  version: number;
  kind: RevisionKind;
  name: string | null;
  /** When this text was saved. */
  savedAt: string;
  /** Who kept it (the user name in the settings). */
  by: string;
  status: ArticleStatus;
  headline: string;
}

export interface Revision extends RevisionSummary {
  content: ArticleContent;
}

/** What a comparison compares: an article's content and its status. */
export type Comparable = ArticleContent & { status: ArticleStatus };

export const comparedFields = [
  'headline',
  'outletPrefix',
  'lead',
  'body',
  'formatting',
  'captions',
  'credit',
  'contributors',
  'kind',
  'section',
  'tags',
  'slug',
  'status',
  'notes',
] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface FieldChange {
  field: ComparedField;
  before: string;
  after: string;
  parts: DiffPart[];
  /** The two differ only in characters nobody sees on screen (spaces of other kinds, zero-widths). */
  invisibleOnly: boolean;
}

const marks = (leaf: { bold?: true; italic?: true }): string =>
  [leaf.bold ? 'bold' : '', leaf.italic ? 'italic' : ''].filter(Boolean).join('+');

function inlineOutline(inlines: readonly Inline[]): string[] {
  const lines: string[] = [];
  for (const inline of inlines) {
    if ('type' in inline) {
      lines.push(`  link ${inline.url}: “${inlineText(inline.children)}”`);
      for (const child of inline.children) if (marks(child)) lines.push(`  ${marks(child)}: “${child.text}”`);
    } else if (marks(inline)) {
      lines.push(`  ${marks(inline)}: “${inline.text}”`);
    }
  }
  return lines;
}

function blockName(block: Block): string {
  if (block.type === 'heading') return `heading ${block.level}`;
  if (block.type === 'figure') return `figure ${block.photoId.slice(0, 12)}`;
  return block.type;
}

/**
 * The body's shape without its words: block kinds, marks and link targets, a line each, so a
 * comparison shows a paragraph turned subheading, or a link pointing elsewhere.
 */
export function formattingOutline(body: readonly Block[]): string {
  const lines: string[] = [];
  body.forEach((block, index) => {
    lines.push(`${index + 1}. ${blockName(block)}`);
    switch (block.type) {
      case 'bulleted-list':
      case 'numbered-list':
        for (const item of block.children) lines.push(...inlineOutline(item.children));
        break;
      case 'figure':
        break;
      default:
        lines.push(...inlineOutline(block.children));
    }
  });
  return lines.join('\n');
}

const captions = (body: readonly Block[]): string =>
  body.flatMap((block) => (block.type === 'figure' ? [block.caption] : [])).join('\n');

function fieldText(content: Comparable, field: ComparedField, template: CreditTemplate): string {
  switch (field) {
    case 'headline':
      return content.headline;
    case 'outletPrefix':
      return content.outletPrefix ?? '';
    case 'lead':
      return inlineText(content.lead);
    case 'body':
      return bodyText(content.body.filter((block) => block.type !== 'figure'));
    case 'formatting':
      return formattingOutline(content.body);
    case 'captions':
      return captions(content.body);
    case 'credit':
      return creditLine(content.contributors, content.kind, template);
    case 'contributors':
      return content.contributors
        .map((contributor) => `${contributor.name} (${contributor.roles.join(', ')})`)
        .join('\n');
    case 'kind':
      return content.kind;
    case 'section':
      return content.section;
    case 'tags':
      return content.tags.join(', ');
    case 'slug':
      return content.slug ?? '';
    case 'status':
      return content.status;
    case 'notes':
      return content.notes.map((note) => `${note.resolved ? '✓ ' : ''}${note.author}: ${note.text}`).join('\n');
  }
}

const lineTokens = (text: string): string[] => text.split(/(?<=\n)/u);

/** Field by field, what changed from one version to the other (fields that did not change are left out). */
export function compareContent(before: Comparable, after: Comparable, template: CreditTemplate): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of comparedFields) {
    const a = fieldText(before, field, template);
    const b = fieldText(after, field, template);
    if (a === b) continue;
    const parts =
      field === 'formatting' || field === 'contributors' || field === 'notes'
        ? diffTokens(lineTokens(a), lineTokens(b))
        : diffWords(a, b);
    changes.push({ field, before: a, after: b, parts, invisibleOnly: visibleForm(a) === visibleForm(b) });
  }
  return changes;
}
