import type { DeskPool } from '../db/database';
import type { DeskSettings, PushOutcome, SettingsPush } from '../../shared/desk/protocol';
import { refusalMessage } from '../../shared/desk/roles';
import { commitWithChange } from './changeLog';
import { statement } from './statement';
import type { Actor } from './users';

const answerOf = statement('settings-answer-of', 'SELECT outcome FROM mutations WHERE desk_id = $1 AND id = $2');
const keepAnswer = statement(
  'settings-keep-answer',
  'INSERT INTO mutations (desk_id, id, device_id, outcome) VALUES ($1, $2, $3, $4)',
);

/**
 * An admin's change of the desk's settings, applied once (a resend is answered again): the keys
 * sent replace the desk's, the others stay. Anyone else is refused with the rule.
 */
export async function saveDeskSettings(pool: DeskPool, actor: Actor, input: SettingsPush): Promise<PushOutcome> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const known = await client.query<{ outcome: PushOutcome }>(answerOf([actor.deskId, input.mutationId]));
    const answered = known.rows[0]?.outcome;
    if (answered) {
      await client.query('COMMIT');
      return answered;
    }
    let outcome: PushOutcome;
    if (actor.role !== 'admin') {
      outcome = { mutationId: input.mutationId, outcome: 'refused', rule: 'role', message: refusalMessage('role') };
    } else {
      const current = await client.query<{ version: number; settings: Partial<DeskSettings> }>(
        'SELECT version, settings FROM desk_settings WHERE desk_id = $1 FOR UPDATE',
        [actor.deskId],
      );
      const version = (current.rows[0]?.version ?? 0) + 1;
      const settings = { ...current.rows[0]?.settings, ...input.settings };
      await client.query(
        `INSERT INTO desk_settings (desk_id, version, settings, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (desk_id) DO UPDATE
           SET version = EXCLUDED.version, settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [actor.deskId, version, JSON.stringify(settings), actor.userId],
      );
      outcome = {
        mutationId: input.mutationId,
        outcome: input.baseVersion + 1 === version ? 'applied' : 'merged',
        version,
      };
    }
    await client.query(keepAnswer([actor.deskId, input.mutationId, actor.deviceId, JSON.stringify(outcome)]));
    if (outcome.outcome === 'refused') await client.query('COMMIT');
    else await commitWithChange(client, actor.deskId, 'settings', actor.deskId);
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The desk's settings now; version 0 and nothing before its admin first sets them. */
export async function deskSettings(
  pool: DeskPool,
  deskId: string,
): Promise<{ version: number; values: Partial<DeskSettings> }> {
  const row = await pool.query<{ version: number; settings: Partial<DeskSettings> }>(
    'SELECT version, settings FROM desk_settings WHERE desk_id = $1',
    [deskId],
  );
  return { version: row.rows[0]?.version ?? 0, values: row.rows[0]?.settings ?? {} };
}
