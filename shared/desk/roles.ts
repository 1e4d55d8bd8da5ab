import type { ArticleStatus } from '../article/article';
import { canTransition } from '../article/workflow';
import type { DeskRole, Refusal } from './protocol';

export interface ArticleAct {
  role: DeskRole;
  /** Whether the user wrote the article (created it on the desk). */
  author: boolean;
  /** The article's status now; undefined for a new article. */
  status: ArticleStatus | undefined;
  act: { kind: 'save'; captionsOnly: boolean } | { kind: 'status'; to: ArticleStatus };
}

const messages: Record<Refusal, string> = {
  role: 'Your role may not make this change.',
  'not-author': 'A reporter edits only their own articles.',
  submitted: 'A reporter cannot change an article once it is submitted.',
  workflow: 'The workflow does not allow this move.',
  'unknown-article': 'The desk has no such article.',
  'stale-base': 'The change is based on a version the desk does not have.',
  disabled: 'This user is disabled.',
  'missing-original': 'The desk does not have this photo yet: its file is sent first.',
};
export const refusalMessage = (rule: Refusal): string => messages[rule];

/**
 * The desk's rules, checked on the server for every mutation: a reporter creates articles,
 * edits their own until submitted and submits them; a photo editor edits figure captions; an
 * editor (and an admin) edits any article and moves it through the workflow.
 */
export function refusalFor({ role, author, status, act }: ArticleAct): Refusal | undefined {
  if (act.kind === 'status' && status !== undefined && !canTransition(status, act.to)) return 'workflow';
  if (role === 'editor' || role === 'admin') return undefined;
  if (role === 'photo') return act.kind === 'save' && act.captionsOnly && status !== undefined ? undefined : 'role';
  // A reporter.
  if (status === undefined) return act.kind === 'save' ? undefined : 'unknown-article';
  if (!author) return 'not-author';
  if (status !== 'draft') return 'submitted';
  if (act.kind === 'status' && act.to !== 'submitted') return 'role';
  return undefined;
}

/**
 * A photo record: anyone on the desk may send a new photo; once it is there, the photo desk and
 * the editors edit it, and so does whoever sent it.
 */
export function photoRefusalFor({ role, creator, exists }: { role: DeskRole; creator: boolean; exists: boolean }) {
  if (!exists || creator || role !== 'reporter') return undefined;
  return 'role' as const;
}
