import { PGlite } from '@electric-sql/pglite';
import type { Results } from '@electric-sql/pglite';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { DeskClient, DeskPool } from './database';

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

export class EmbeddedInUseError extends Error {}

type Config = string | { text: string; values?: unknown[] };

/** pg's shape of a result (rowCount counts the rows a write touched, as pg's does). */
const asPg = (result: Results) => ({
  rows: result.rows,
  rowCount: result.affectedRows ?? result.rows.length,
  fields: result.fields,
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock, or says which running process holds it; a lock left by a dead process is taken over. */
function lock(dir: string): () => void {
  const file = join(dir, 'newsroom-desk.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && alive(holder))
        throw new EmbeddedInUseError(
          `The embedded desk database in ${dir} is open in another process (${holder}); stop that one first.`,
        );
      rmSync(file, { force: true });
    }
  }
  throw new EmbeddedInUseError(`The embedded desk database in ${dir} could not be locked.`);
}

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
