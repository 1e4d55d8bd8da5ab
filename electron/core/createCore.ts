import type { Database } from 'better-sqlite3';
import { defaultHistoryPolicy } from './archive/revisionStore';
import type { HistoryPolicy } from './archive/revisionStore';
import { getSettings } from './archive/settingsStore';
import { CoreError } from './CoreError';
import { archiveHandlers } from './handlers/archive';
import { articleHandlers } from './handlers/articles';
import type { CoreContext, Handlers } from './handlers/context';
import { exportHandlers } from './handlers/exports';
import { historyHandlers } from './handlers/history';
import { peopleHandlers } from './handlers/people';
import { photoHandlers } from './handlers/photos';
import { searchHandlers } from './handlers/search';
import { deskHandlers } from './handlers/desk';
import { settingsHandlers } from './handlers/settings';
import { PhotoImporter } from './photos/photoImporter';
import { importPhotoFiles } from './photos/photoImport';
import { drainSearchIndex } from './search/indexer';
import type { SyncRunner } from './sync/syncRunner';
import { syncRunner } from './sync/syncRunner';
import { readDeskLink } from './sync/deskLink';

export type { Handlers } from './handlers/context';

/** The one implementation of the contract, shared by the desktop shell, the browser edition and the CLI. */
export interface CoreOptions {
  history?: HistoryPolicy;
  /** The data folder (photos live under it); without it the photo methods are unavailable. */
  dataDir?: string;
  /** Decodes photos out of this process; made on first use when not given. */
  photoImporter?: PhotoImporter;
  /**
   * The desktop shell: photos may be imported by path (its page is our own, and the user chose
   * the files). The browser edition's page uploads bytes instead; a path from it is refused.
   */
  allowPathImport?: boolean;
  /** Shows a folder in the system's file manager; without it, exports.openFolder says it cannot. */
  openFolder?: (dir: string) => Promise<void>;
  /** Runs the sync rounds; made on first use when not given (the archive service gives its own). */
  sync?: SyncRunner;
}

/** A method handled in two domains' files is refused at start. */
function disjoint(parts: readonly object[]): void {
  const seen = new Set<string>();
  for (const method of parts.flatMap((part) => Object.keys(part))) {
    if (seen.has(method)) throw new Error(`The contract method ${method} has two handlers.`);
    seen.add(method);
  }
}

export function createCore(db: Database, options: CoreOptions = {}): Handlers {
  const policy = options.history ?? defaultHistoryPolicy;
  let userName: string | undefined;
  // Saves mark articles for indexing; a second after the last one, the indexes catch up
  // (a search catches up first anyway, so results are never stale).
  let indexTimer: ReturnType<typeof setTimeout> | undefined;
  let importer = options.photoImporter;
  let runner = options.sync;
  const dataDir = (): string => {
    if (!options.dataDir)
      throw new CoreError('internal', 'This core was opened without a data folder, so it has no photo store.');
    return options.dataDir;
  };
  const context: CoreContext = {
    db,
    policy,
    actor: () => ({ by: (userName ??= getSettings(db).userName), policy }),
    forgetActor: () => (userName = undefined),
    indexSoon: (value) => {
      clearTimeout(indexTimer);
      indexTimer = setTimeout(() => {
        if (db.open) drainSearchIndex(db);
      }, 1000);
      indexTimer.unref();
      return value;
    },
    dataDir,
    photoImporter: () => (importer ??= new PhotoImporter()),
    importPhotoFile: async (path, name) => {
      const [result] = await importPhotoFiles(db, dataDir(), context.photoImporter(), [{ path, name }]);
      if (!result) throw new CoreError('internal', 'The photo was not processed.');
      return result;
    },
    allowPathImport: options.allowPathImport ?? false,
    openFolder: options.openFolder,
    sync: () => (runner ??= syncRunner(db, dataDir())),
    deskLink: () => (options.dataDir ? readDeskLink(options.dataDir) : undefined),
    me: () => [context.actor().by, context.deskLink()?.user ?? ''].filter((name) => name.trim() !== ''),
  };
  const articles = articleHandlers(context);
  const search = searchHandlers(context);
  const history = historyHandlers(context);
  const exports = exportHandlers(context);
  const photos = photoHandlers(context);
  const people = peopleHandlers(context);
  const settings = settingsHandlers(context);
  const desk = deskHandlers(context);
  const archive = archiveHandlers(context);
  disjoint([articles, search, history, exports, photos, people, settings, archive, desk]);
  // The compiler proves every method has a handler; disjoint, that none has two.
  return {
    ...articles,
    ...search,
    ...history,
    ...exports,
    ...photos,
    ...people,
    ...settings,
    ...archive,
    ...desk,
  } satisfies Handlers;
}
