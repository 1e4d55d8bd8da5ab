import pg from 'pg';
import { migrate } from './db/migrate';
import { createDeskServer } from './http/createDeskServer';

export interface DeskOptions {
  database: string;
  port?: number;
  host?: string;
  tls?: { cert: string; key: string };
}

export interface RunningDesk {
  url: string;
  pool: pg.Pool;
  close: () => Promise<void>;
}

/**
 * The desk server: migrates the database, listens for committed changes (PostgreSQL's
 * LISTEN, so several server processes on one database all hear every change) and serves the API.
 * It keeps no state of its own.
 */
export async function startDesk(options: DeskOptions): Promise<RunningDesk> {
  const pool = new pg.Pool({ connectionString: options.database, max: 20 });
  pool.on('error', (error) => console.error('[desk] database connection lost:', error.message));
  await migrate(pool);
  const listeners = new Set<(deskId: string, seq: number) => void>();
  const listener = new pg.Client({ connectionString: options.database });
  listener.on('error', (error) => console.error('[desk] change notifications lost:', error.message));
  await listener.connect();
  await listener.query('LISTEN newsroom_changes');
  listener.on('notification', (message) => {
    const [desk = '', seq = ''] = (message.payload ?? '').split(':');
    for (const notify of listeners) notify(desk, Number(seq));
  });
  const app = createDeskServer({
    pool,
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
    pool,
    close: async () => {
      await app.close();
      await listener.end().catch(() => undefined);
      await pool.end();
    },
  };
}
