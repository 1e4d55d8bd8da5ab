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
  // The notifications' own connection; when PostgreSQL restarts it is made again, and the
  // laptops are told to pull (a change may have committed while no one listened).
  let listener: pg.Client | undefined;
  let closed = false;
  const broadcast = (desk: string, seq: number) => {
    for (const notify of listeners) notify(desk, seq);
  };
  const listen = async (reconnect: boolean): Promise<void> => {
    const client = new pg.Client({ connectionString: options.database });
    client.on('notification', (message) => {
      const [desk = '', seq = ''] = (message.payload ?? '').split(':');
      broadcast(desk, Number(seq));
    });
    const again = () => {
      if (closed || listener !== client) return;
      listener = undefined;
      setTimeout(() => void listen(true).catch(again), 1_000);
    };
    client.on('error', again);
    client.on('end', again);
    listener = client;
    await client.connect();
    await client.query('LISTEN newsroom_changes');
    if (reconnect) broadcast('*', 0);
  };
  await listen(false);
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
      closed = true;
      await app.close();
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
