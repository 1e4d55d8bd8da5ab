import pg from 'pg';
import type { DeskPool } from './db/database';
import { migrate } from './db/migrate';
import { createDeskServer } from './http/createDeskServer';

export interface DeskOptions {
  /** The PostgreSQL server's address; or `{ embedded: folder }` for the embedded one (PGlite). */
  database: string | { embedded: string };
  port?: number;
  host?: string;
  tls?: { cert: string; key: string };
}

export interface RunningDesk {
  url: string;
  pool: DeskPool;
  close: () => Promise<void>;
}

/** The database under a desk: its pool, its "a change committed" notices, and its end: a
 * PostgreSQL server, or the embedded one. */
interface Backend {
  pool: DeskPool;
  /** Calls `heard(desk, seq)` for each committed change; ('*', 0) when notices may have been missed. */
  listen: (heard: (desk: string, seq: number) => void) => Promise<void>;
  end: () => Promise<void>;
}

const parseNotice = (payload: string | undefined): [string, number] => {
  const [desk = '', seq = ''] = (payload ?? '').split(':');
  return [desk, Number(seq)];
};

/**
 * A PostgreSQL server: a pool, and a connection of its own for LISTEN (so several desk server
 * processes on one database all hear every change). When PostgreSQL restarts that connection
 * is made again, and the laptops are told to pull (a change may have committed meanwhile).
 */
function serverBackend(database: string): Backend {
  const pool = new pg.Pool({ connectionString: database, max: 20 });
  pool.on('error', (error) => console.error('[desk] database connection lost:', error.message));
  let listener: pg.Client | undefined;
  let closed = false;
  return {
    pool,
    listen: async (heard) => {
      const connect = async (reconnect: boolean): Promise<void> => {
        const client = new pg.Client({ connectionString: database });
        client.on('notification', (message) => heard(...parseNotice(message.payload)));
        const again = () => {
          if (closed || listener !== client) return;
          listener = undefined;
          setTimeout(() => void connect(true).catch(again), 1_000);
        };
        client.on('error', again);
        client.on('end', again);
        listener = client;
        await client.connect();
        await client.query('LISTEN newsroom_changes');
        if (reconnect) heard('*', 0);
      };
      await connect(false);
    },
    end: async () => {
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

/** The embedded PostgreSQL in a folder: one process, one connection, its notices heard in-process. */
async function embeddedBackend(dir: string): Promise<Backend> {
  // Loaded only here: a desk on a PostgreSQL server (and every CLI command) never loads PGlite.
  const { openEmbedded } = await import('./db/embedded');
  const db = await openEmbedded(dir);
  return {
    pool: db.pool,
    listen: (heard) => db.listen('newsroom_changes', (payload) => heard(...parseNotice(payload))),
    end: () => db.close(),
  };
}

/**
 * The desk server: migrates the database, listens for committed changes and serves the API.
 * It keeps no state of its own.
 */
export async function startDesk(options: DeskOptions): Promise<RunningDesk> {
  const backend =
    typeof options.database === 'string'
      ? serverBackend(options.database)
      : await embeddedBackend(options.database.embedded);
  const listeners = new Set<(deskId: string, seq: number) => void>();
  try {
    await migrate(backend.pool);
    await backend.listen((desk, seq) => {
      for (const notify of listeners) notify(desk, seq);
    });
  } catch (error) {
    await backend.end();
    throw error;
  }
  const app = createDeskServer({
    pool: backend.pool,
    tls: options.tls,
    subscribe: (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
  });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 4790, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    pool: backend.pool,
    close: async () => {
      await app.close();
      await backend.end();
    },
  };
}
