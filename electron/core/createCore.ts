import type { Database } from 'better-sqlite3';
import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import { emptyContent } from '../../shared/article/article';
import { createArticle, getArticle, listArticles, saveArticle, setStatus } from './archive/articleStore';
import { importDocument } from './import/importDocument';
import { drainSearchIndex, searchArticles } from './search/searchIndex';
import { getSettings, updateSettings } from './settingsStore';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/** The one implementation of the contract, shared by the desktop shell, the browser edition and the CLI. */
export function createCore(db: Database): Handlers {
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
    'articles.create': (input) => indexSoon(createArticle(db, emptyContent(input.headline ?? ''))),
    'articles.get': (input) => getArticle(db, input.id),
    'articles.save': ({ id, baseVersion, ...changes }) => indexSoon(saveArticle(db, id, baseVersion, changes)),
    'articles.setStatus': ({ id, baseVersion, status }) => setStatus(db, id, baseVersion, status, getSettings(db).userName),
    'articles.import': async ({ fileName, dataBase64 }) => {
      const content = await importDocument(fileName, Buffer.from(dataBase64, 'base64'), getSettings(db).creditTemplate);
      return indexSoon(createArticle(db, content));
    },
    'articles.search': ({ query, page, ...filter }) => searchArticles(db, query, filter, page),
    'settings.get': () => getSettings(db),
    'settings.update': (changes) => updateSettings(db, changes),
  };
}
