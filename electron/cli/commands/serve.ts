import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startArchive } from '../../core/archiveService';
import { renditionPath } from '../../core/photos/photoStore';
import { rendererDir } from '../../core/paths';
import { startWebServer } from '../../web/createWebServer';
import { listenForTestHooks } from '../../web/testHooks';
import type { CliCommand } from '../command';
import { openBrowser, openFolder } from '../openBrowser';
import { CliError } from '../output';
import type { CliIo } from '../output';

/** A stable port keeps the page's origin, and so its stored settings, the same from run to run. */
const defaultPort = 4780;

/**
 * NEWSROOM_SERVE_TOKEN fixes the token, so a supervisor restarting the server on the same
 * --port keeps open pages working; otherwise each run draws a new random one.
 */
export async function serve(
  dataDir: string,
  portText: string | undefined,
  open: boolean,
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError('--port takes a number from 0 to 65535', 2);
  const token = env.NEWSROOM_SERVE_TOKEN;
  if (token !== undefined && !/^[A-Za-z0-9_-]{32,128}$/.test(token)) {
    throw new CliError('NEWSROOM_SERVE_TOKEN must be 32 to 128 letters, digits, - or _.', 2);
  }
  const staticDir = rendererDir();
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new CliError(`The editor is not built (${staticDir} is missing): run npm run build first.`);
  }
  // The editor: a damaged archive is moved aside and the page opens on the recovery screen.
  const core = await startArchive(dataDir, {
    recover: true,
    dailyBackup: true,
    backgroundSync: true,
    // The browser edition runs on this machine, so "open folder" opens it here.
    core: { openFolder: (dir) => openFolder(dir, env) },
    log: (message) => io.err(`newsroom: ${message}`),
  });
  const media = (id: string, kind: 'thumb' | 'preview') => renditionPath(dataDir, id, kind);
  let web;
  try {
    web = await startWebServer({ handlers: core.handlers, staticDir, port, token, media });
  } catch (error) {
    // The default port is a convenience (the page keeps its settings across runs); any free one will do.
    if (portText !== undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      core.close();
      throw new CliError(`Cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
    }
    web = await startWebServer({ handlers: core.handlers, staticDir, port: 0, token, media });
  }
  io.out(`Newsroom at ${web.url}`);
  const stopHooks =
    env.NEWSROOM_TEST_HOOKS === '1'
      ? listenForTestHooks(core.db, process.stdin, (line) => io.out(line), web.oneTimeUrl)
      : undefined;
  // The browser gets a one-time address: argv and its history keep nothing that still works.
  if (open) openBrowser(web.oneTimeUrl());
  return new Promise((resolve) => {
    const stop = () => {
      stopHooks?.();
      void web.close().then(() => {
        core.close();
        resolve(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const serveCommands: readonly CliCommand[] = [
  {
    name: ['serve'],
    usage: 'serve [--port N] [--no-open]',
    summary: 'start the browser edition on 127.0.0.1 (port 4780, or any free one)',
    options: ['port', 'no-open'],
    archive: 'own',
    run: ({ dataDir, io, env }, { values }) => serve(dataDir, values.port, !values['no-open'], io, env),
  },
];
