import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ArchiveOpenError, CoreError } from '../core/CoreError';
import { resolveDataDir } from '../core/dataDir';
import { startArchive } from '../core/archiveService';
import { renditionPath } from '../core/photos/photoStore';
import { openCore } from '../core/openCore';
import { rendererDir } from '../core/paths';
import { startWebServer } from '../web/createWebServer';
import { listenForTestHooks } from '../web/testHooks';
import {
  articleCheck,
  articleImport,
  articleList,
  articleSearch,
  articleToneStyle,
  articleNew,
  articleShow,
  articleUpdate,
  articleHistory,
  backupNow,
  doctor,
  keepArchiveAsIs,
  people,
  photosImport,
  photosList,
  restoreBackup,
  articleExport,
} from './commands';
import { openBrowser, openFolder } from './openBrowser';
import { CliError, processIo } from './output';
import type { CliIo } from './output';

export const usage = `Usage: newsroom <command> [options]

Commands:
  serve [--port N] [--no-open]    start the browser edition on 127.0.0.1 (port 4780, or any free one)
  article new --headline TEXT     create an article
  article list                    list the archive, last changed first
  article show ID                 print one article
  article update ID [--headline T] [--status S] [--section S] [--tags a,b]
                                  edit an article (statuses: draft, submitted, edited, approved, exported, spiked)
  article tone-style ID [--style òa|oà]
                                  write the article in one tone-mark style (default: the desk's)
  import FILE                     a .docx, .html or .txt file becomes a new article
  check ID                        the copy desk's checks and the export preflight (exit 1 when something is found)
  export ID --out DIR [--draft]   the story package (index.html, fragment.html, images/, article.json,
                                  manifest.json); exit 1 listing the errors when the preflight blocks
  search QUERY [--status S] [--section S] [--contributor NAME] [--from DATE] [--to DATE]
         [--missing-credit] [--page N]
                                  full-text search, with or without Vietnamese marks
  history ID                      the article's kept versions (history entries), newest first
  history ID --compare E [--to F] what changed from entry E to entry F (default: the current text)
  history ID --name TEXT          keep the current text as a named version
  history ID --restore E          bring entry E back as a new version (the current text is kept)
  photos import FILE…             import photos (JPEG, PNG, WebP, TIFF); a line per file; exit 1 if any was rejected
  photos list [--filter F] [QUERY]
                                  the photo library (filters: missing-credit, missing-alt, unused)
  people [NAME [--display D] [--unit U]]
                                  the contributor registry; with a name, how credit lines write it
  doctor                          check the archive (full integrity check), list backups; changes nothing
  backup                          an online backup now, checked, into the data folder's backups/
  restore [NAME]                  put back a backup (default: the latest good one); the current
                                  archive is moved into set-aside/ first, never deleted
  restore --as-is                 keep the archive file as it is, without the log it lost (what
                                  doctor offers when changes are missing); the files are set aside first

Options for every command:
  --data-dir DIR   the data folder (default: NEWSROOM_DATA_DIR, else the platform's user-data folder)
  --json           machine-readable output
  --help           this text`;

const options = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  headline: { type: 'string' },
  status: { type: 'string' },
  section: { type: 'string' },
  tags: { type: 'string' },
  page: { type: 'string' },
  style: { type: 'string' },
  port: { type: 'string' },
  compare: { type: 'string' },
  filter: { type: 'string' },
  display: { type: 'string' },
  'missing-credit': { type: 'boolean', default: false },
  out: { type: 'string' },
  draft: { type: 'boolean', default: false },
  contributor: { type: 'string' },
  from: { type: 'string' },
  unit: { type: 'string' },
  to: { type: 'string' },
  restore: { type: 'string' },
  name: { type: 'string' },
  'no-open': { type: 'boolean', default: false },
  'as-is': { type: 'boolean', default: false },
} as const;

/** A stable port keeps the page's origin, and so its stored settings, the same from run to run. */
const defaultPort = 4780;

/**
 * NEWSROOM_SERVE_TOKEN fixes the token, so a supervisor restarting the server on the same
 * --port keeps open pages working; otherwise each run draws a new random one.
 */
async function serve(
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

/** Runs one CLI invocation and returns its exit code; errors go to stderr. */
export async function runCli(
  argv: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${usage}`, 2);
    }
    const { values, positionals } = parsed;
    const [command, subcommand, argument] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(usage);
      return command === undefined && !values.help ? 2 : 0;
    }
    const dataDir = resolveDataDir(values['data-dir'], env);
    if (command === 'serve') return await serve(dataDir, values.port, !values['no-open'], io, env);

    if (command === 'doctor') return doctor({ dataDir, io, json: values.json }) ? 0 : 1;
    if (command === 'restore') {
      if (values['as-is']) keepArchiveAsIs({ dataDir, io, json: values.json });
      else restoreBackup({ dataDir, io, json: values.json }, subcommand);
      return 0;
    }
    const known =
      command === 'export' ||
      command === 'people' ||
      (command === 'photos' && ['import', 'list'].includes(subcommand ?? '')) ||
      command === 'backup' ||
      command === 'import' ||
      command === 'check' ||
      command === 'search' ||
      command === 'history' ||
      (command === 'article' && ['new', 'list', 'show', 'update', 'tone-style'].includes(subcommand ?? ''));
    if (!known) throw new CliError(`Unknown command: ${positionals.join(' ')}\n\n${usage}`, 2);

    const core = await openCore(dataDir);
    try {
      const context = { core, io, json: values.json };
      if (command === 'photos' && subcommand === 'import')
        return (await photosImport(context, positionals.slice(2))) ? 0 : 1;
      if (command === 'photos') {
        await photosList(context, values.filter, positionals.slice(2).join(' ') || undefined);
        return 0;
      }
      if (command === 'export') return (await articleExport(context, subcommand, values.out, values.draft)) ? 0 : 1;
      if (command === 'people') {
        await people(context, positionals.slice(1).join(' ') || undefined, {
          display: values.display,
          unit: values.unit,
        });
        return 0;
      }
      if (command === 'backup') {
        await backupNow(context);
        return 0;
      }
      if (command === 'check') return articleCheck(context, subcommand) ? 0 : 1;
      if (command === 'history')
        await articleHistory(context, subcommand, {
          compare: values.compare,
          to: values.to,
          restore: values.restore,
          name: values.name,
        });
      else if (command === 'import') await articleImport(context, subcommand);
      else if (command === 'search')
        await articleSearch(context, positionals.slice(1).join(' ') || undefined, {
          status: values.status,
          section: values.section,
          page: values.page,
          missingCredit: values['missing-credit'],
          contributor: values.contributor,
          from: values.from,
          to: values.to,
        });
      else if (subcommand === 'new') await articleNew(context, values.headline);
      else if (subcommand === 'list') await articleList(context);
      else if (subcommand === 'tone-style') await articleToneStyle(context, argument, values.style);
      else if (subcommand === 'update')
        await articleUpdate(context, argument, {
          headline: values.headline,
          status: values.status,
          section: values.section,
          tags: values.tags,
        });
      else await articleShow(context, argument);
      return 0;
    } finally {
      core.close();
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`newsroom: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof ArchiveOpenError || error instanceof CoreError) {
      io.err(`newsroom: ${error.message}`);
      return 1;
    }
    io.err(`newsroom: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
