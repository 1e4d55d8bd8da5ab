import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCore } from '../core/openCore';
import type { OpenCore } from '../core/openCore';
import { renditionPath } from '../core/photos/photoStore';
import { startWebServer } from '../web/createWebServer';
import type { WebServer } from '../web/createWebServer';
import { tempDir } from './tempDir';

const running: { web: WebServer; core: OpenCore }[] = [];

afterEach(async () => {
  for (const { web, core } of running.splice(0)) {
    await web.close();
    core.close();
  }
});

/** A browser edition server on a temp data folder and a stand-in build, closed after the test. */
export async function start() {
  const root = tempDir();
  const staticDir = join(root, 'build');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Newsroom</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the build');
  const core = await openCore(join(root, 'data'));
  const web = await startWebServer({
    handlers: core.handlers,
    staticDir,
    media: (id, kind) => renditionPath(join(root, 'data'), id, kind),
  });
  running.push({ web, core });
  return { web, core, port: new URL(web.origin).port };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests can send any Host, Origin or path a hostile page could. */
export function send(
  port: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        setHost: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const api = (port: string, method: string, input: unknown, headers: Record<string, string>) =>
  send(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
