import { z } from 'zod';
import type { ArticleSummary } from '../article/article';
import { articleStatuses } from '../article/article';

/**
 * Whose articles the archive list shows: every one, those I started, those naming me among
 * their contributors (how a desk assigns a story), or those shared with the desk.
 */
export const listScopes = ['all', 'mine', 'assigned', 'desk'] as const;
export type ListScope = (typeof listScopes)[number];

/** Where a page ends, newest first: the next page starts after this article. */
export const listCursorSchema = z.strictObject({
  updatedAt: z.string().min(1).max(40),
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export type ListCursor = z.infer<typeof listCursorSchema>;

export const listPageSize = 60;

export const listQuerySchema = z.strictObject({
  scope: z.enum(listScopes).optional(),
  status: z.enum(articleStatuses).optional(),
  section: z.string().max(200).optional(),
  after: listCursorSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** A page of the archive list, newest change first. */
export interface ArticleListPage {
  articles: ArticleSummary[];
  /** Where the next page starts; null after the last. */
  next: ListCursor | null;
  /** The sections in use in the whole archive (with the first page only, for the filter). */
  sections?: string[];
}
