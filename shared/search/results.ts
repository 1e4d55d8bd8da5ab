import type { ArticleStatus } from '../article/article';
import type { Snippet } from './snippet';

export interface SearchHit {
  id: number;
  headline: string;
  status: ArticleStatus;
  section: string;
  updatedAt: string;
  /** exact: the words as typed, marks included; folded: matched without marks. */
  match: 'exact' | 'folded';
  snippet: Snippet;
}

export interface SearchPage {
  total: number;
  /**
   * The total is an upper bound: a phrase of very common words is not counted exactly (that
   * means checking word positions in every article holding them); its words together are.
   */
  totalAtMost?: boolean;
  /** relevance: ranked (exact matches first); newest: too many to rank, newest first (exact first). */
  order: 'relevance' | 'newest';
  page: number;
  pageSize: number;
  results: SearchHit[];
}
