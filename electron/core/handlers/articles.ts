import { emptyContent } from '../../../shared/article/article';
import { listArticlePage } from '../archive/articleList';
import { createArticle, getArticle, saveArticle, setStatus } from '../archive/articleStore';
import { getSettings } from '../archive/settingsStore';
import { importDocument } from '../import/importDocument';
import type { CoreContext, HandlersOf } from './context';

export const articleHandlers = ({ db, actor, me, indexSoon }: CoreContext) =>
  ({
    'articles.list': (query) => listArticlePage(db, query, me()),
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
  }) satisfies HandlersOf<
    'articles.list' | 'articles.create' | 'articles.get' | 'articles.save' | 'articles.setStatus' | 'articles.import'
  >;
