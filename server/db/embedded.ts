import { PGlite } from '@electric-sql/pglite';
import type { Results } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { DeskClient, DeskPool } from './database';
import { lock } from './embeddedLock';

/**
 * The embedded desk database: PostgreSQL compiled to WebAssembly (PGlite) in a folder, inside
 * the desk server's own process. It has one connection, so one transaction runs at a time:
 * `connect` waits for the holder before to release it, as a pool of one would. Only one process
 * may open the folder (a lock file says which). For trying the desk and a small office; a
 * newsroom's desk runs on a PostgreSQL server (README, "The desk").
 */
export interface EmbeddedDatabase {
  pool: DeskPool;
  /** Calls `heard` with the payload of each NOTIFY on `channel`. */
  listen: (channel: string, heard: (payload: string) => void) => Promise<void>;
  close: () => Promise<void>;
}

type Config = string | { text: string; values?: unknown[] };

/** pg's shape of a result (rowCount counts the rows a write touched, as pg's does). */
const asPg = (result: Results) => ({
  rows: result.rows,
  rowCount: result.affectedRows ?? result.rows.length,
  fields: result.fields,
});

export async function openEmbedded(dir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const unlock = lock(dir);
  let db: PGlite;
  try {
    db = await PGlite.create(join(dir, 'pgdata'));
  } catch (error) {
    unlock();
    throw error;
  }
  let turn: Promise<void> = Promise.resolve();
  /** The one connection, for one holder at a time. */
  const take = async (): Promise<() => void> => {
    let free!: () => void;
    const mine = new Promise<void>((resolve) => (free = resolve));
    const before = turn;
    turn = before.then(() => mine);
    await before;
    return free;
  };
  const run = async (config: Config, values?: unknown[]) => {
    const text = typeof config === 'string' ? config : config.text;
    const params = typeof config === 'string' ? values : (config.values ?? values);
    if (params !== undefined) return asPg(await db.query(text, params));
    // No parameters: possibly several statements (a change numbered with its COMMIT).
    const results = await db.exec(text);
    const last = results.at(-1);
    return last ? asPg(last) : { rows: [], rowCount: 0, fields: [] };
  };
  const client = (free: () => void): DeskClient =>
    ({
      query: run,
      release: free,
      escapeLiteral: (value: string) => pg.Client.prototype.escapeLiteral(value),
    }) as unknown as DeskClient;
  const pool = {
    query: async (config: Config, values?: unknown[]) => {
      const free = await take();
      try {
        return await run(config, values);
      } finally {
        free();
      }
    },
    connect: async () => client(await take()),
  } as unknown as DeskPool;
  return {
    pool,
    listen: async (channel, heard) => {
      await db.listen(channel, heard);
    },
    close: async () => {
      await turn;
      await db.close();
      unlock();
    },
  };
}
