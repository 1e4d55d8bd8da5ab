import { searchArticles } from '../search/searchIndex';
import type { CoreContext, HandlersOf } from './context';

export const searchHandlers = ({ db, me }: CoreContext) =>
  ({
    'articles.search': ({ query, page, ...filter }) => searchArticles(db, query, { ...filter, me: me() }, page),
  }) satisfies HandlersOf<'articles.search'>;
