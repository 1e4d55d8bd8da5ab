import type { DeskClient, DeskPool } from '../db/database';
import type { PushOutcome } from '../../shared/desk/protocol';
import { commitWithChange } from './changeLog';
import { statement } from './statement';
import type { Actor } from './users';

/** What applying a mutation did: its answer, and the entity it changed (none when refused). */
export interface Applied {
  outcome: PushOutcome;
  changed?: { entity: 'article' | 'settings' | 'photo'; id: string };
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
 * Applies one mutation of a laptop's in a transaction of its own, once: a mutation the desk has
 * answered before gets that answer again and is not applied again. The answer is kept with
 * the change, and the change is numbered last, in the COMMIT's own round trip (changeLog.ts).
 */
export async function applyOnce(
  pool: DeskPool,
  actor: Actor,
  mutationId: string,
  apply: (client: DeskClient) => Promise<Applied>,
): Promise<PushOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const known = await client.query<{ outcome: PushOutcome }>(answerOf([actor.deskId, mutationId]));
      const answered = known.rows[0]?.outcome;
      if (answered) {
        await client.query('COMMIT');
        return answered;
      }
      const { outcome, changed } = await apply(client);
      await client.query(keepAnswer([actor.deskId, mutationId, actor.deviceId, JSON.stringify(outcome)]));
      if (changed) await commitWithChange(client, actor.deskId, changed.entity, changed.id);
      else await client.query('COMMIT');
      return outcome;
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
