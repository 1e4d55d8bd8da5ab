import { randomUUID } from 'node:crypto';
import type { DeskPool } from './database';
import { migrations } from './migrations';

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(
      `This desk database has schema version ${found}; this server knows ${migrations.length}. Use a newer Newsroom.`,
    );
  }
}

/**
 * Brings the database to the newest schema, one migration per transaction; a database newer
 * than this server is refused, untouched. Two servers starting at once take turns (an advisory lock).
 * `target` stops at an older schema (the migration tests build a desk of that time).
 */
export async function migrate(pool: DeskPool, target = migrations.length): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7231)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const found = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0]?.version ?? 0;
    if (found > migrations.length) throw new NewerSchemaError(found);
    for (let next = found; next < target; next += 1) {
      await client.query('BEGIN');
      await client.query(migrations[next]?.sql ?? '');
      await client.query('DELETE FROM schema_version');
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [next + 1]);
      await client.query('COMMIT');
    }
    await client.query(`INSERT INTO desks (id, name) SELECT $1, 'Newsroom' WHERE NOT EXISTS (SELECT 1 FROM desks)`, [
      randomUUID(),
    ]);
    return Math.max(found, target);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7231)').catch(() => undefined);
    client.release();
  }
}
