import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startCluster } from '../../server/testing/postgres';
import { cliPath } from './server';

export interface DeskServer {
  url: string;
  /** A `newsroom desk …` command on the desk's database, as its administrator would run it. */
  admin: (args: string[], input?: string) => string;
  /** The desk server stops (the laptops are offline from it) and starts again at the same address. */
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * A desk as a newsroom runs one: a real PostgreSQL cluster of its own, users added with the CLI
 * (passwords on standard input), and `newsroom desk serve` as a process of its own.
 */
export async function startDeskServer(users: { name: string; role: string; password: string }[]): Promise<DeskServer> {
  const cluster = await startCluster();
  const database = await cluster.database();
  const admin = (args: string[], input = '') =>
    execFileSync(process.execPath, [cliPath, 'desk', ...args, '--database', database], { input, encoding: 'utf8' });
  for (const user of users) admin(['user', 'add', user.name, '--role', user.role], `${user.password}\n`);
  const serve = async (port: number) => {
    const child = spawn(process.execPath, [cliPath, 'desk', 'serve', '--database', database, '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`desk serve exited with ${code}`)));
    });
    const url = /^Newsroom desk at (http:\/\/\S+)$/.exec(line)?.[1];
    if (!url) throw new Error(`desk serve printed ${line}`);
    return { child, url };
  };
  let running: Awaited<ReturnType<typeof serve>> | undefined = await serve(0);
  const url = running.url;
  const halt = async () => {
    if (!running) return;
    const { child } = running;
    running = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    admin,
    pause: halt,
    resume: async () => {
      running ??= await serve(Number(new URL(url).port));
    },
    stop: async () => {
      await halt();
      cluster.stop();
    },
  };
}
