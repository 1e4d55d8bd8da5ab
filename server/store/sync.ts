import type { DeskPool } from '../db/database';
import type { DeskArticle, Mutation, PullResponse, PushOutcome } from '../../shared/desk/protocol';
import { applyMutation } from './articles';
import { commitWithChange, recordChange } from './changeLog';
import { deskSettings } from './settings';
import type { Actor } from './users';
import { statement } from './statement';

export interface PushHooks {
  /** Called inside each mutation's transaction, just before COMMIT (the ordering test holds it open). */
  beforeCommit?: (mutation: Mutation) => Promise<void>;
}

/** PostgreSQL's "try again" errors: serialization failure and deadlock. Every mutation is idempotent. */
const retryable = (error: unknown) =>
  typeof error === 'object' && error !== null && ['40001', '40P01'].includes((error as { code?: string }).code ?? '');

const answerOf = statement('answer-of', 'SELECT outcome FROM mutations WHERE desk_id = $1 AND id = $2');
const keepAnswer = statement(
  'keep-answer',
  'INSERT INTO mutations (desk_id, id, device_id, outcome) VALUES ($1, $2, $3, $4)',
);

/**
 * Applies a batch in order, each mutation in a transaction of its own, answered one by one.
 * A mutation the desk has answered before gets that answer again and is not applied again.
 */
export async function push(
  pool: DeskPool,
  actor: Actor,
  mutations: readonly Mutation[],
  hooks: PushHooks = {},
): Promise<PushOutcome[]> {
  const outcomes: PushOutcome[] = [];
  for (const mutation of mutations) {
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const known = await client.query<{ outcome: PushOutcome }>(answerOf([actor.deskId, mutation.mutationId]));
        const outcome = known.rows[0]?.outcome ?? (await applyMutation(client, actor, mutation));
        const changed = !known.rows[0] && outcome.outcome !== 'refused';
        if (!known.rows[0])
          await client.query(keepAnswer([actor.deskId, mutation.mutationId, actor.deviceId, JSON.stringify(outcome)]));
        if (changed && !hooks.beforeCommit) {
          // Numbered last, in the COMMIT's own round trip: the desk's counter row stays locked
          // only while PostgreSQL numbers and commits.
          await commitWithChange(client, actor.deskId, 'article', mutation.articleId);
        } else {
          if (changed) await recordChange(client, actor.deskId, 'article', mutation.articleId);
          await hooks.beforeCommit?.(mutation);
          await client.query('COMMIT');
        }
        outcomes.push(outcome);
        break;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // Two first sends of one mutation at once: the second finds the first's answer on retry.
        const duplicate = (error as { code?: string }).code === '23505';
        if ((!retryable(error) && !duplicate) || attempt >= 5) throw error;
      } finally {
        client.release();
      }
    }
  }
  return outcomes;
}

interface PulledRow {
  seq: string;
  entity: 'article' | 'settings';
  id: string | null;
  version: number;
  status: DeskArticle['status'];
  author: string;
  updated_by: string;
  updated_at: Date;
  content: DeskArticle['content'];
  conflict: DeskArticle['conflict'];
}

/**
 * The changes after `after`, in their order, each article as it is now (once a page), and the
 * desk's settings when they changed within the page.
 */
export async function pull(pool: DeskPool, deskId: string, after: number, limit: number): Promise<PullResponse> {
  const rows = await pool.query<PulledRow>(
    `SELECT changes.seq, changes.entity, articles.id, articles.version, articles.status, author.name AS author,
            editor.name AS updated_by, articles.updated_at, articles.content, articles.conflict
       FROM changes
       LEFT JOIN article_documents articles ON changes.entity = 'article' AND articles.id = changes.entity_id
       LEFT JOIN users author ON author.id = articles.author_id
       LEFT JOIN users editor ON editor.id = articles.updated_by
      WHERE changes.desk_id = $1 AND changes.seq > $2 AND changes.entity IN ('article', 'settings')
      ORDER BY changes.seq
      LIMIT $3`,
    [deskId, after, limit + 1],
  );
  const page = rows.rows.slice(0, limit);
  const latest = new Map<string, { seq: number; article: DeskArticle }>();
  for (const row of page) {
    if (row.entity !== 'article' || row.id === null) continue;
    latest.delete(row.id);
    latest.set(row.id, {
      seq: Number(row.seq),
      article: {
        id: row.id,
        version: row.version,
        status: row.status,
        author: row.author,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at.toISOString(),
        content: row.content,
        conflict: row.conflict,
      },
    });
  }
  const settingsChanged = page.some((row) => row.entity === 'settings');
  return {
    changes: [...latest.values()],
    ...(settingsChanged ? { settings: await deskSettings(pool, deskId) } : {}),
    cursor: page.length > 0 ? Number(page.at(-1)?.seq) : after,
    more: rows.rows.length > limit,
  };
}
