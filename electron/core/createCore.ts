import type { Database } from 'better-sqlite3';
import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import { emptyContent } from '../../shared/article/article';
import { createArticle, getArticle, listArticles, saveArticle, setStatus } from './archive/articleStore';
import {
  defaultHistoryPolicy,
  getRevision,
  listRevisions,
  nameRevision,
  restoreRevision,
} from './archive/revisionStore';
import type { HistoryPolicy } from './archive/revisionStore';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { CoreError } from './CoreError';
import { packageSlug } from '../../shared/export/articleHtml';
import { exportFolder, exportsDir, exportStory, preflightArticle } from './export/exportStory';
import { PhotoImporter } from './photos/photoImporter';
import {
  getPhoto,
  importPhotoFiles,
  listPhotos,
  photosDir,
  rebuildPhotoSearchTexts,
  updatePhotos,
} from './photos/photoStore';
import { importDocument } from './import/importDocument';
import { drainSearchIndex, searchArticles } from './search/searchIndex';
import { listPeople, savePerson } from './peopleStore';
import { getSettings, updateSettings } from './settingsStore';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

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
}

/** A new folder of that name, or name-2, name-3…: made here, so two exports never share one. */
function claimFolder(base: string): string {
  mkdirSync(dirname(base), { recursive: true });
  for (let n = 1; ; n += 1) {
    const dir = n === 1 ? base : `${base}-${n}`;
    try {
      mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

export function createCore(db: Database, options: CoreOptions = {}): Handlers {
  rebuildPhotoSearchTexts(db);
  const policy = options.history ?? defaultHistoryPolicy;
  // Who acts, for the history: read once, and again after the settings change (not on every save).
  let userName: string | undefined;
  const actor = () => ({ by: (userName ??= getSettings(db).userName), policy });
  // Saves mark articles for indexing; a second after the last one, the indexes catch up
  // (a search catches up first anyway, so results are never stale).
  let indexTimer: ReturnType<typeof setTimeout> | undefined;
  const indexSoon = <T>(value: T): T => {
    clearTimeout(indexTimer);
    indexTimer = setTimeout(() => {
      if (db.open) drainSearchIndex(db);
    }, 1000);
    indexTimer.unref();
    return value;
  };
  let importer = options.photoImporter;
  /** Running exports, by article: image files written of all. */
  const exporting = new Map<number, { done: number; total: number }>();
  const photoDir = (): string => {
    if (!options.dataDir)
      throw new CoreError('internal', 'This core was opened without a data folder, so it has no photo store.');
    return options.dataDir;
  };
  /** One photo file through the importer (made on first use). */
  const importPhotoFile = async (path: string, name: string) => {
    importer ??= new PhotoImporter();
    const [result] = await importPhotoFiles(db, photoDir(), importer, [{ path, name }]);
    if (!result) throw new CoreError('internal', 'The photo was not processed.');
    return result;
  };
  return {
    'articles.list': () => listArticles(db),
    'articles.create': (input) => indexSoon(createArticle(db, emptyContent(input.headline ?? ''), actor())),
    'articles.get': (input) => getArticle(db, input.id),
    'articles.save': ({ id, baseVersion, ...changes }) => indexSoon(saveArticle(db, id, baseVersion, changes, actor())),
    'articles.setStatus': ({ id, baseVersion, status }) => setStatus(db, id, baseVersion, status, actor()),
    'articles.import': async ({ fileName, dataBase64 }) => {
      const imported = await importDocument(
        fileName,
        Buffer.from(dataBase64, 'base64'),
        getSettings(db).creditTemplate,
      );
      return indexSoon({ ...createArticle(db, imported.content, actor()), convertedFrom: imported.convertedFrom });
    },
    'articles.search': ({ query, page, ...filter }) => searchArticles(db, query, filter, page),
    'articles.preflight': ({ id }) => preflightArticle(db, id).checks,
    'articles.export': async ({ id, draft }) => {
      if (exporting.has(id))
        throw new CoreError('conflict', 'This article is being exported already; wait for that export to finish.');
      // Only the slug is needed here: the export reads the article and runs the preflight itself.
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      const dir = claimFolder(join(exportsDir(photoDir()), `${packageSlug(getArticle(db, id), id)}-${stamp}`));
      exporting.set(id, { done: 0, total: 0 });
      try {
        const result = await exportStory(db, photoDir(), id, dir, {
          draft,
          onProgress: (progress) => exporting.set(id, progress),
        });
        return result.status === 'blocked'
          ? result
          : {
              status: 'exported',
              dir: result.dir,
              draft: result.draft,
              files: result.files.length,
              preflight: result.preflight,
            };
      } finally {
        exporting.delete(id);
      }
    },
    'articles.exportProgress': ({ id }) => {
      const progress = exporting.get(id);
      return progress ? { running: true, ...progress } : { running: false, done: 0, total: 0 };
    },
    'exports.openFolder': async ({ dir }) => {
      if (!options.openFolder)
        throw new CoreError('forbidden', 'This edition cannot open folders; the path is shown to copy.');
      await options.openFolder(exportFolder(photoDir(), dir));
      return { opened: true };
    },
    'articles.history': ({ id }) => listRevisions(db, id),
    'articles.revision': ({ id, revisionId }) => getRevision(db, id, revisionId),
    'articles.saveVersion': ({ id, name }) => nameRevision(db, id, name, actor().by, policy.now()),
    'articles.restore': ({ id, baseVersion, revisionId }) =>
      indexSoon(restoreRevision(db, id, baseVersion, revisionId, actor().by, policy.now())),
    'archive.status': () => ({ state: 'open', file: db.name }),
    'archive.recover': () => {
      throw new CoreError('validation', 'The archive is open and healthy: there is nothing to recover.');
    },
    'photos.import': async ({ fileName, dataBase64 }) => {
      const upload = join(photosDir(photoDir()), 'tmp', `upload-${randomUUID()}`);
      mkdirSync(dirname(upload), { recursive: true });
      writeFileSync(upload, Buffer.from(dataBase64, 'base64'));
      try {
        return await importPhotoFile(upload, fileName);
      } finally {
        rmSync(upload, { force: true });
      }
    },
    'photos.importPath': async ({ path }) => {
      if (!options.allowPathImport)
        throw new CoreError(
          'forbidden',
          'Photos are imported by path only in the desktop app; the browser edition uploads them.',
        );
      if (!isAbsolute(path)) throw new CoreError('validation', 'The photo path must be absolute.');
      let stats;
      try {
        stats = statSync(path);
      } catch {
        throw new CoreError('not_found', `${basename(path)} does not exist or cannot be read.`);
      }
      if (!stats.isFile()) throw new CoreError('validation', `${basename(path)} is not a file.`);
      return importPhotoFile(path, basename(path));
    },
    'photos.pickFiles': () => {
      throw new CoreError(
        'forbidden',
        'The file dialog belongs to the desktop app; the browser edition uploads photos.',
      );
    },
    'photos.list': (input) => listPhotos(db, input),
    'photos.get': ({ id }) => getPhoto(db, id),
    'photos.update': ({ ids, changes }) => updatePhotos(db, ids, changes),
    'people.list': () => listPeople(db),
    'people.save': (person) => savePerson(db, person),
    'settings.get': () => getSettings(db),
    'settings.update': (changes) => {
      userName = undefined;
      return updateSettings(db, changes);
    },
  };
}
