import type pg from 'pg';

/**
 * Numbers a change in commit order. The counter row is updated in the change's own
 * transaction, so it stays locked until that transaction commits or rolls back: the next
 * change waits for it, takes the next number and commits after it. A reader that has seen
 * change n has seen every change before n; none is ever skipped (a sequence could not promise
 * that: a slow transaction would take 1, a fast one 2 and commit first).
 */
export async function recordChange(client: pg.PoolClient, deskId: string, entity: string, id: string): Promise<number> {
  const counter = await client.query<{ last_change: string }>(
    'UPDATE desks SET last_change = last_change + 1 WHERE id = $1 RETURNING last_change',
    [deskId],
  );
  const seq = Number(counter.rows[0]?.last_change);
  await client.query('INSERT INTO changes (desk_id, seq, entity, entity_id) VALUES ($1, $2, $3, $4)', [
    deskId,
    seq,
    entity,
    id,
  ]);
  // Delivered when the transaction commits, to every desk server listening on this database.
  await client.query(`SELECT pg_notify('newsroom_changes', $1)`, [`${deskId}:${seq}`]);
  return seq;
}
