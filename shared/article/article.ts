import { z } from 'zod';
import { toNfc } from '../text/nfc';

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

export const textLeafSchema = z.strictObject({ text: nfcString(limits.textChars) });

export const paragraphSchema = z.strictObject({
  type: z.literal('paragraph'),
  children: z.array(textLeafSchema).min(1).max(limits.leavesPerBlock),
});

export const bodySchema = z.array(paragraphSchema).max(limits.blocks);

export const headlineSchema = nfcString(limits.headlineChars);

export type TextLeaf = z.output<typeof textLeafSchema>;
export type Paragraph = z.output<typeof paragraphSchema>;
export type ArticleBody = z.output<typeof bodySchema>;

export interface ArticleSummary {
  id: number;
  headline: string;
  status: ArticleStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Article extends ArticleSummary {
  body: ArticleBody;
}

export interface SavedVersion {
  id: number;
  version: number;
  updatedAt: string;
}

export const emptyBody = (): ArticleBody => [{ type: 'paragraph', children: [{ text: '' }] }];

export const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });

/** The body as plain text, one paragraph per line: for the CLI, counts and search. */
export const bodyText = (body: ArticleBody): string =>
  body.map((block) => block.children.map((leaf) => leaf.text).join('')).join('\n');
