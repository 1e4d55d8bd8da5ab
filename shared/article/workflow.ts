import type { ArticleStatus } from './article';

/**
 * The desk's workflow. Forward: draft → submitted → edited → approved → exported.
 * Back-steps a desk needs: returned to the reporter, reopened for editing, corrected after
 * export. Spiked from anywhere; a spiked story can be revived as a draft.
 */
export const transitions: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['submitted', 'spiked'],
  submitted: ['edited', 'draft', 'spiked'],
  edited: ['approved', 'submitted', 'spiked'],
  approved: ['exported', 'edited', 'spiked'],
  exported: ['edited', 'spiked'],
  spiked: ['draft'],
};

export const canTransition = (from: ArticleStatus, to: ArticleStatus): boolean => transitions[from].includes(to);

export interface StatusChange {
  from: ArticleStatus;
  to: ArticleStatus;
  at: string;
  by: string;
}
