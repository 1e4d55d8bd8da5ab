import { z } from 'zod';
import { toNfc } from '../text/nfc';
import { safeUrl } from '../text/safeUrl';
import { articleKinds, contributorSchema } from './credits';
import type { StatusChange } from './workflow';

export const articleStatuses = ['draft', 'submitted', 'edited', 'approved', 'exported', 'spiked'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** Limits that keep one request, one row and one editor session bounded. */
export const limits = {
  headlineChars: 500,
  textChars: 100_000,
  blocks: 20_000,
  leavesPerBlock: 500,
} as const;

const nfcString = (max: number) => z.string().max(max).transform(toNfc);

const noteId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/** A run of text with its marks; `note` anchors an editor note to this passage. */
export const textLeafSchema = z.strictObject({
  text: nfcString(limits.textChars),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  note: noteId.optional(),
});

const linkUrl = z
  .string()
  .max(2000)
  .transform((url, context) => {
    const safe = safeUrl(url);
    if (safe === undefined) {
      context.addIssue({ code: 'custom', message: 'Links must be http, https or mailto URLs.' });
      return z.NEVER;
    }
    return safe;
  });

export const linkSchema = z.strictObject({
  type: z.literal('link'),
  url: linkUrl,
  children: z.array(textLeafSchema).min(1).max(limits.leavesPerBlock),
});

const inlines = z
  .array(z.union([textLeafSchema, linkSchema]))
  .min(1)
  .max(limits.leavesPerBlock);

export const paragraphSchema = z.strictObject({ type: z.literal('paragraph'), children: inlines });
export const headingSchema = z.strictObject({
  type: z.literal('heading'),
  level: z.union([z.literal(2), z.literal(3)]),
  children: inlines,
});
export const quoteSchema = z.strictObject({ type: z.literal('blockquote'), children: inlines });
export const listItemSchema = z.strictObject({ type: z.literal('list-item'), children: inlines });
export const listSchema = z.strictObject({
  type: z.union([z.literal('bulleted-list'), z.literal('numbered-list')]),
  children: z.array(listItemSchema).min(1).max(limits.leavesPerBlock),
});
/** A photo's use in the article (the photo desk fills in photos; the caption belongs to this use). */
export const figureSchema = z.strictObject({
  type: z.literal('figure'),
  photoId: z.string().regex(/^[a-f0-9]{64}$/),
  caption: nfcString(2000),
  children: z.tuple([z.strictObject({ text: z.literal('') })]),
});

export const blockSchema = z.discriminatedUnion('type', [
  paragraphSchema,
  headingSchema,
  quoteSchema,
  listSchema,
  figureSchema,
]);
export const bodySchema = z.array(blockSchema).max(limits.blocks);
export const leadSchema = inlines;

export const headlineSchema = nfcString(limits.headlineChars);

export type TextLeaf = z.output<typeof textLeafSchema>;
export type Link = z.output<typeof linkSchema>;
export type Inline = TextLeaf | Link;
export type Paragraph = z.output<typeof paragraphSchema>;
export type ListItem = z.output<typeof listItemSchema>;
export type Block = z.output<typeof blockSchema>;
export type ArticleBody = z.output<typeof bodySchema>;

export const emptyBody = (): ArticleBody => [{ type: 'paragraph', children: [{ text: '' }] }];

/** An editor note: for the desk, never exported. Anchored ones mark a passage through leaves' `note`. */
export const noteSchema = z.strictObject({
  id: noteId,
  text: nfcString(4000),
  author: nfcString(120),
  createdAt: z.string().max(40),
  resolved: z.boolean(),
});
export type EditorNote = z.output<typeof noteSchema>;

const tag = z.string().trim().min(1).max(60).transform(toNfc);

/** Everything a reporter or editor writes; `articles.save` takes any subset of it. */
export const articleContentShape = {
  headline: headlineSchema,
  lead: leadSchema,
  /** null: the outlet prefix from the settings. */
  outletPrefix: nfcString(40).nullable(),
  body: bodySchema,
  kind: z.enum(articleKinds),
  contributors: z.array(contributorSchema).max(50),
  section: z.string().trim().max(80).transform(toNfc),
  tags: z.array(tag).max(50),
  /** null: derived from the headline. */
  slug: z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug is lower-case letters, digits and single dashes.')
    .nullable(),
  targetWords: z.number().int().min(1).max(100_000).nullable(),
  notes: z.array(noteSchema).max(500),
};
export const articleContentSchema = z.strictObject(articleContentShape);
export type ArticleContent = z.output<typeof articleContentSchema>;

export const emptyContent = (headline = ''): ArticleContent => ({
  headline,
  lead: [{ text: '' }],
  outletPrefix: null,
  body: emptyBody(),
  kind: 'news',
  contributors: [],
  section: '',
  tags: [],
  slug: null,
  targetWords: null,
  notes: [],
});

export interface ArticleSummary {
  id: number;
  headline: string;
  status: ArticleStatus;
  section: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Article extends ArticleSummary, ArticleContent {
  statusHistory: StatusChange[];
}

export interface SavedVersion {
  id: number;
  version: number;
  updatedAt: string;
}

export const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });

export const inlineText = (children: readonly Inline[]): string =>
  children.map((child) => ('type' in child ? inlineText(child.children) : child.text)).join('');

/** One line per block (a list gives one per item; a figure its caption): for the CLI, counts and search. */
export function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'bulleted-list':
    case 'numbered-list':
      return block.children.map((item) => inlineText(item.children));
    case 'figure':
      return [block.caption];
    default:
      return [inlineText(block.children)];
  }
}

export const bodyText = (body: ArticleBody): string => body.flatMap(blockLines).join('\n');

/** The ids of editor notes anchored somewhere in the lead or body (the preflight checks them). */
export function anchoredNoteIds(content: { lead: readonly Inline[]; body: ArticleBody }): Set<string> {
  const ids = new Set<string>();
  const visit = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if ('type' in inline) visit(inline.children);
      else if (inline.note) ids.add(inline.note);
    }
  };
  visit(content.lead);
  for (const block of content.body) {
    switch (block.type) {
      case 'bulleted-list':
      case 'numbered-list':
        for (const item of block.children) visit(item.children);
        break;
      case 'figure':
        break;
      default:
        visit(block.children);
    }
  }
  return ids;
}
