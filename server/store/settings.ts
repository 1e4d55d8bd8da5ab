import type { DeskPool } from '../db/database';
import type { DeskSettings, PushOutcome, SettingsPush } from '../../shared/desk/protocol';
import { refusalMessage } from '../../shared/desk/roles';
import { applyOnce } from './once';
import type { Actor } from './users';

/**
 * An admin's change of the desk's settings, applied once (a resend is answered again): the keys
 * sent replace the desk's, the others stay. Anyone else is refused with the rule.
 */
export function saveDeskSettings(pool: DeskPool, actor: Actor, input: SettingsPush): Promise<PushOutcome> {
  return applyOnce(pool, actor, input.mutationId, async (client) => {
    if (actor.role !== 'admin')
      return {
        outcome: { mutationId: input.mutationId, outcome: 'refused', rule: 'role', message: refusalMessage('role') },
      };
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
    return {
      outcome: {
        mutationId: input.mutationId,
        outcome: input.baseVersion + 1 === version ? 'applied' : 'merged',
        version,
      },
      changed: { entity: 'settings', id: actor.deskId },
    };
  });
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
