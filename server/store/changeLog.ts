import type { DeskClient } from '../db/database';

/**
 * Numbers a change in commit order, and commits. record_change() (migration 004) updates the
 * desk's counter row in the change's own transaction, so it stays locked until that
 * transaction ends: the next change waits for it, takes the next number and commits after it.
 * A reader that has seen change n has seen every change before n; none is ever skipped (a
 * sequence could not promise that: a slow transaction would take 1, a fast one 2 and commit
 * first). COMMIT goes in the same round trip (a simple query of two statements, its values as
 * escaped literals), so the row is held only while PostgreSQL numbers and commits.
 */
export async function commitWithChange(client: DeskClient, deskId: string, entity: string, id: string): Promise<void> {
  const literal = (value: string) => client.escapeLiteral(value);
  await client.query(`SELECT record_change(${literal(deskId)}, ${literal(entity)}, ${literal(id)}); COMMIT`);
}
