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

/**
 * The shortest run of allowed moves from one status to another (without `from`, ending with
 * `to`): a laptop that moved a story several steps while offline sends each step, so the desk,
 * which checks every move, sees a path the workflow allows. [to] when there is none.
 */
export function workflowPath(from: ArticleStatus, to: ArticleStatus): ArticleStatus[] {
  const previous = new Map<ArticleStatus, ArticleStatus>();
  const queue: ArticleStatus[] = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const next of transitions[at])
      if (next !== from && !previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
  }
  if (!previous.has(to)) return [to];
  const path: ArticleStatus[] = [];
  for (let at: ArticleStatus | undefined = to; at !== undefined && at !== from; at = previous.get(at)) path.unshift(at);
  return path;
}
