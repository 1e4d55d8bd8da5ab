import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { ArticleListPage, ListCursor, ListScope } from '../../../shared/archive/list';
import { listPageSize } from '../../../shared/archive/list';
import type { ArticleStatus, ArticleSummary } from '../../../shared/article/article';

/** What the list shows: a scope, and the status and section filters. */
export interface ListView {
  scope: ListScope;
  status: ArticleStatus | '';
  section: string;
}

export interface ArchiveListState {
  articles: ArticleSummary[];
  /** The sections in use in the archive, for the filter. */
  sections: string[];
  /** More pages follow the ones loaded. */
  more: boolean;
  failed: ApiError | undefined;
  loadMore: () => void;
  /** The pages loaded so far, read again (after the desk brought changes); resolves with them. */
  reload: () => Promise<ArticleSummary[]>;
  /** An article created, imported or saved here: at the top, as its change is the newest. */
  put: (article: ArticleSummary) => void;
  /** An article of the list saved here: changed as told, and at the top. */
  touch: (id: number, changes: Partial<ArticleSummary>) => void;
}

/** At most this many are read again at once by a reload (the rest load on scrolling, as before). */
const reloadLimit = 500;

/**
 * The archive list a page at a time, newest change first: the first page at start, the next
 * when the end of the list scrolls into sight. A change of view starts again from the first page;
 * an answer to an older view is dropped.
 */
export function useArchiveList(api: Api, view: ListView): ArchiveListState {
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [sections, setSections] = useState<string[]>([]);
  const [next, setNext] = useState<ListCursor | null>(null);
  const [failed, setFailed] = useState<ApiError>();
  const generation = useRef(0);
  const loading = useRef(false);
  const { scope, status, section } = view;
  const count = articles.length;

  const fetchPage = useCallback(
    (after: ListCursor | undefined, limit: number) =>
      api['articles.list']({ scope, status: status || undefined, section: section || undefined, after, limit }),
    [api, scope, status, section],
  );

  const accept = useCallback((page: ArticleListPage, append: boolean) => {
    setArticles((list) => {
      if (!append) return page.articles;
      const ids = new Set(list.map((article) => article.id));
      // An article saved here meanwhile went to the top; it may come again on the next page.
      return [...list, ...page.articles.filter((article) => !ids.has(article.id))];
    });
    setNext(page.next);
    if (page.sections) setSections(page.sections);
    setFailed(undefined);
  }, []);

  useEffect(() => {
    const mine = ++generation.current;
    loading.current = true;
    void fetchPage(undefined, listPageSize).then((result) => {
      if (mine !== generation.current) return;
      loading.current = false;
      if (result.ok) accept(result.value, false);
      else setFailed(result.error);
    });
  }, [fetchPage, accept]);

  const loadMore = useCallback(() => {
    if (!next || loading.current) return;
    const mine = generation.current;
    loading.current = true;
    void fetchPage(next, listPageSize).then((result) => {
      if (mine !== generation.current) return;
      loading.current = false;
      if (result.ok) accept(result.value, true);
      else setFailed(result.error);
    });
  }, [next, fetchPage, accept]);

  const reload = useCallback(async (): Promise<ArticleSummary[]> => {
    const mine = ++generation.current;
    loading.current = true;
    const result = await fetchPage(undefined, Math.min(reloadLimit, Math.max(listPageSize, count)));
    if (mine !== generation.current) return [];
    loading.current = false;
    if (!result.ok) {
      setFailed(result.error);
      return [];
    }
    accept(result.value, false);
    return result.value.articles;
  }, [fetchPage, accept, count]);

  const put = useCallback(
    (article: ArticleSummary) => {
      const fits = (status === '' || article.status === status) && (section === '' || article.section === section);
      // Whether a new one is the user's own or the desk's is the core's to say; the one just made here is theirs.
      const newFits = scope === 'all' || scope === 'mine';
      setArticles((list) => {
        const rest = list.filter((item) => item.id !== article.id);
        if (!fits) return rest;
        if (rest.length === list.length && !newFits) return list;
        return [article, ...rest];
      });
      if (article.section !== '')
        setSections((all) => (all.includes(article.section) ? all : [...all, article.section].sort()));
    },
    [scope, status, section],
  );

  const touch = useCallback(
    (id: number, changes: Partial<ArticleSummary>) => {
      const known = articles.find((item) => item.id === id);
      if (known) put({ ...known, ...changes });
    },
    [articles, put],
  );

  return { articles, sections, more: next !== null, failed, loadMore, reload, put, touch };
}
