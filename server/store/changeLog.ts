import type { DeskClient } from '../db/database';
import { statement } from './statement';

const numberChange = statement('number-change', 'SELECT record_change($1, $2, $3) AS seq');

/**
 * Numbers a change in commit order. The counter row is updated in the change's own
 * transaction, so it stays locked until that transaction commits or rolls back: the next
 * change waits for it, takes the next number and commits after it. A reader that has seen
 * change n has seen every change before n; none is ever skipped (a sequence could not promise
 * that: a slow transaction would take 1, a fast one 2 and commit first).
 */
export async function recordChange(client: DeskClient, deskId: string, entity: string, id: string): Promise<number> {
  const counted = await client.query<{ seq: string }>(numberChange([deskId, entity, id]));
  return Number(counted.rows[0]?.seq);
}

/**
 * The same, with COMMIT in the same round trip (a simple query of two statements, its values
 * as escaped literals): the counter row is held only while PostgreSQL numbers and commits.
 */
export async function commitWithChange(client: DeskClient, deskId: string, entity: string, id: string): Promise<void> {
  const literal = (value: string) => client.escapeLiteral(value);
  await client.query(`SELECT record_change(${literal(deskId)}, ${literal(entity)}, ${literal(id)}); COMMIT`);
}
