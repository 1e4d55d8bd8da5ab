import type { Database } from 'better-sqlite3';
import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import { emptyContent } from '../../shared/article/article';
import { createArticle, getArticle, listArticles, saveArticle, setStatus } from './archive/articleStore';
import { defaultHistoryPolicy, getRevision, listRevisions, nameRevision, restoreRevision } from './archive/revisionStore';
import type { HistoryPolicy } from './archive/revisionStore';
import { CoreError } from './CoreError';
import { importDocument } from './import/importDocument';
import { drainSearchIndex, searchArticles } from './search/searchIndex';
import { getSettings, updateSettings } from './settingsStore';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/** The one implementation of the contract, shared by the desktop shell, the browser edition and the CLI. */
export interface CoreOptions {
  history?: HistoryPolicy;
}

export function createCore(db: Database, options: CoreOptions = {}): Handlers {
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
  return {
    'articles.list': () => listArticles(db),
    'articles.create': (input) => indexSoon(createArticle(db, emptyContent(input.headline ?? ''), actor())),
    'articles.get': (input) => getArticle(db, input.id),
    'articles.save': ({ id, baseVersion, ...changes }) => indexSoon(saveArticle(db, id, baseVersion, changes, actor())),
    'articles.setStatus': ({ id, baseVersion, status }) => setStatus(db, id, baseVersion, status, actor()),
    'articles.import': async ({ fileName, dataBase64 }) => {
      const imported = await importDocument(fileName, Buffer.from(dataBase64, 'base64'), getSettings(db).creditTemplate);
      return indexSoon({ ...createArticle(db, imported.content, actor()), convertedFrom: imported.convertedFrom });
    },
    'articles.search': ({ query, page, ...filter }) => searchArticles(db, query, filter, page),
    'articles.history': ({ id }) => listRevisions(db, id),
    'articles.revision': ({ id, revisionId }) => getRevision(db, id, revisionId),
    'articles.saveVersion': ({ id, name }) => nameRevision(db, id, name, actor().by, policy.now()),
    'articles.restore': ({ id, baseVersion, revisionId }) => indexSoon(restoreRevision(db, id, baseVersion, revisionId, actor().by, policy.now())),
    'archive.status': () => ({ state: 'open', file: db.name }),
    'archive.recover': () => {
      throw new CoreError('validation', 'The archive is open and healthy: there is nothing to recover.');
    },
    'settings.get': () => getSettings(db),
    'settings.update': (changes) => {
      userName = undefined;
      return updateSettings(db, changes);
    },
  };
}
