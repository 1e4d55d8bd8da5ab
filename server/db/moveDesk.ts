import type { DeskPool } from './database';
import { migrate } from './migrate';

/** The desk's tables, each after the tables its rows refer to. A new table is added here (a test checks). */
export const deskTables = [
  'desks',
  'users',
  'devices',
  'articles',
  'article_blocks',
  'article_revisions',
  'changes',
  'mutations',
  'login_attempts',
  'checkouts',
  'desk_settings',
  'photo_originals',
  'photo_original_parts',
  'photos',
  'photo_revisions',
] as const;

export class MoveDeskError extends Error {}

/** Rows a page: photo parts are a mebibyte each, so fewer of them at a time. */
const pageRows = (table: string) => (table === 'photo_original_parts' ? 16 : 500);

/**
 * Copies a whole desk (every row of every table: users and their devices' tokens, articles,
 * photos and their originals, the change log and every mutation's answer) from one database to
 * another that holds no desk yet, in one transaction on the target, and checks each table's
 * count. Laptops then point at the new desk as they were: their cursors and resent mutations
 * mean the same there. Nothing is removed from the source.
 */
export async function moveDesk(
  from: DeskPool,
  to: DeskPool,
  onTable: (table: string, rows: number) => void = () => undefined,
): Promise<Record<string, number>> {
  await migrate(from);
  await migrate(to);
  const present = await from.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'`,
  );
  const unknown = present.rows
    .map((row) => row.table_name)
    .filter((name) => !(deskTables as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`moveDesk does not know the table(s) ${unknown.join(', ')}.`);
  const taken = await to.query<{ n: string }>(
    'SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM articles) AS n',
  );
  if (Number(taken.rows[0]?.n) > 0)
    throw new MoveDeskError('The target database already holds a desk with users or articles; give it an empty one.');
  const counts: Record<string, number> = {};
  const client = await to.connect();
  try {
    await client.query('BEGIN');
    // The empty desk that migrating the target made gives way to the one moved in.
    await client.query('DELETE FROM desks');
    for (const table of deskTables) {
      let moved = 0;
      for (;;) {
        const page = await from.query<{ row: string }>(
          `SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY ctid LIMIT $1 OFFSET $2`,
          [pageRows(table), moved],
        );
        if (page.rows.length === 0) break;
        await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [
          `[${page.rows.map((one) => one.row).join(',')}]`,
        ]);
        moved += page.rows.length;
      }
      const [source, target] = await Promise.all([
        from.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`),
        client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`),
      ]);
      if (Number(source.rows[0]?.n) !== moved || Number(target.rows[0]?.n) !== moved)
        throw new MoveDeskError(`The ${table} table did not copy whole; nothing was moved.`);
      counts[table] = moved;
      onTable(table, moved);
    }
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
