import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startCluster } from '../../server/testing/postgres';
import { cliPath } from './server';

export interface DeskServer {
  url: string;
  /** A `newsroom desk …` command on the desk's database, as its administrator would run it. */
  admin: (args: string[], input?: string) => string;
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
  const child = spawn(process.execPath, [cliPath, 'desk', 'serve', '--database', database, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`desk serve exited with ${code}`)));
  });
  const url = /^Newsroom desk at (http:\/\/\S+)$/.exec(line)?.[1];
  if (!url) throw new Error(`desk serve printed ${line}`);
  return {
    url,
    admin,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      cluster.stop();
    },
  };
}
