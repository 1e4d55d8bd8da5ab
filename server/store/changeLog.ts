import type pg from 'pg';
import { statement } from './statement';

const numberChange = statement(
  'number-change',
  `WITH counter AS (UPDATE desks SET last_change = last_change + 1 WHERE id = $1 RETURNING last_change)
   INSERT INTO changes (desk_id, seq, entity, entity_id)
   SELECT $1, last_change, $2, $3 FROM counter
   RETURNING seq, pg_notify('newsroom_changes', $1 || ':' || seq)`,
);

/**
 * Numbers a change in commit order. The counter row is updated in the change's own
 * transaction, so it stays locked until that transaction commits or rolls back: the next
 * change waits for it, takes the next number and commits after it. A reader that has seen
 * change n has seen every change before n; none is ever skipped (a sequence could not promise
 * that: a slow transaction would take 1, a fast one 2 and commit first).
 */
export async function recordChange(client: pg.PoolClient, deskId: string, entity: string, id: string): Promise<number> {
  // One statement: the counter, the change's row, and its notice, delivered when the
  // transaction commits to every desk server listening on this database.
  const counted = await client.query<{ seq: string }>(numberChange([deskId, entity, id]));
  const seq = Number(counted.rows[0]?.seq);
  return seq;
}
