import type { Database } from 'better-sqlite3';
import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import { createArticle, getArticle, listArticles, saveArticle } from './archive/articleStore';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> };

/** The one implementation of the contract, shared by the desktop shell, the browser edition and the CLI. */
export function createCore(db: Database): Handlers {
  return {
    'articles.list': () => listArticles(db),
    'articles.create': (input) => createArticle(db, input.headline ?? ''),
    'articles.get': (input) => getArticle(db, input.id),
    'articles.save': (input) =>
      saveArticle(db, input.id, input.baseVersion, { headline: input.headline, body: input.body }),
  };
}
