import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const cliPath = join(repoRoot, 'dist', 'electron', 'cli.cjs');

export interface ServerProcess {
  url: string;
  origin: string;
  token: string;
  port: number;
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** SIGTERM, as a user closing the terminal would. */
  stop: () => Promise<void>;
  /** SIGKILL: the process dies without any chance to clean up. */
  kill: () => Promise<void>;
  /** With testHooks: a line to the server's test hooks, and its reply (see electron/web/testHooks.ts). */
  hook: (line: string) => Promise<string>;
}

export interface ServeOptions {
  port?: number;
  token?: string;
  /** Lets the test simulate a full disk through the server's standard input. */
  testHooks?: boolean;
  /** More environment for the server process (NEWSROOM_FILE_MANAGER, …). */
  env?: Record<string, string>;
}

/** One contract call over HTTP, as the page makes it; a refused call throws its message. */
export async function callApi<T>(
  server: Pick<ServerProcess, 'origin' | 'token'>,
  method: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message ?? `HTTP ${response.status}`);
  return envelope.value as T;
}

/** Starts `newsroom serve` as a real process and waits for the one line it prints. */
export async function startServer(dataDir: string, options: ServeOptions = {}): Promise<ServerProcess> {
  const args = [cliPath, 'serve', '--no-open', '--data-dir', dataDir, '--port', String(options.port ?? 0)];
  const env = {
    ...process.env,
    ...(options.token ? { NEWSROOM_SERVE_TOKEN: options.token } : {}),
    ...(options.testHooks ? { NEWSROOM_TEST_HOOKS: '1' } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, args, { env });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`newsroom serve printed nothing in 15 s; stderr: ${stderr}`)),
      15_000,
    );
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(stdout.slice(0, newline));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`newsroom serve exited with ${code}: ${stderr}`));
    });
  });
  const match = /^Newsroom at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]+)$/.exec(line);
  if (!match?.[1] || !match[2] || !match[3]) throw new Error(`Unexpected first line from newsroom serve: ${line}`);
  const replies: ((line: string) => void)[] = [];
  let pending = stdout.slice(stdout.indexOf('\n') + 1);
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
      const reply = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      replies.shift()?.(reply);
    }
  });
  const ended = once(child, 'exit');
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await ended;
  };
  return {
    url: line.slice('Newsroom at '.length),
    origin: match[1],
    port: Number(match[2]),
    token: match[3],
    child,
    stderr: () => stderr,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    hook: (command) =>
      new Promise<string>((resolve) => {
        replies.push(resolve);
        child.stdin.write(`${command}\n`);
      }),
  };
}
