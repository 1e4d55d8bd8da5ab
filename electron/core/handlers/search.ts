import { searchArticles } from '../search/searchIndex';
import type { CoreContext, HandlersOf } from './context';

export const searchHandlers = ({ db }: CoreContext) =>
  ({
    'articles.search': ({ query, page, ...filter }) => searchArticles(db, query, filter, page),
  }) satisfies HandlersOf<'articles.search'>;
