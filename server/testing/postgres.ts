import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL 15 (package postgresql); NEWSROOM_PG_BIN points elsewhere. */
const bin = process.env.NEWSROOM_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestCluster {
  /** A URL for a new, empty database on the cluster. */
  database: (name?: string) => Promise<string>;
  url: (database: string) => string;
  port: number;
  dir: string;
  /** `pg_ctl stop -m immediate`: a crash, as far as PostgreSQL can tell. */
  crash: () => void;
  start: () => void;
  stop: () => void;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * A real PostgreSQL cluster of the test's own: `initdb` into a temp folder, on a free port and a
 * socket folder of its own. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 * `parent` is the folder it goes in (the disk-full test gives a small one). The tests run it without fsync (a killed server loses nothing the OS has; only a machine
 * crash would); `durable` keeps fsync on, as a newsroom's server runs, for the benchmarks.
 */
export async function startCluster({
  durable = false,
  parent = tmpdir(),
}: { durable?: boolean; parent?: string } = {}): Promise<TestCluster> {
  if (!existsSync(join(bin, 'initdb')))
    throw new Error(`PostgreSQL is not installed at ${bin} (Debian: apt-get install postgresql).`);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(parent, 'newsroom-pg-'));
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets);
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(sockets, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (program: string, args: string[]) => {
    const command = root ? 'runuser' : join(bin, program);
    const argv = root ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'newsroom', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c max_connections=200${durable ? '' : ' -c fsync=off'}`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  start();
  const url = (database: string) => `postgres://newsroom@127.0.0.1:${port}/${database}`;
  let count = 0;
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
  };
  return {
    port,
    dir,
    url,
    database: async (name = `desk_${process.pid}_${(count += 1)}`) => {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url(name);
    },
    crash: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    stop: () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
