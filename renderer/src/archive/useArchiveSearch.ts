import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ListScope } from '../../../shared/archive/list';
import type { ArticleStatus } from '../../../shared/article/article';
import type { SearchPage } from '../../../shared/search/results';

/** The archive's filters: they narrow the list, and the search too. */
export interface ArchiveFilters {
  scope: ListScope;
  status: ArticleStatus | '';
  section: string;
  contributor: string;
  from: string;
  to: string;
  missingCredit: boolean;
}

export const noFilters: ArchiveFilters = {
  scope: 'all',
  status: '',
  section: '',
  contributor: '',
  from: '',
  to: '',
  missingCredit: false,
};

export interface ArchiveSearch {
  query: string;
  setQuery: (query: string) => void;
  filters: ArchiveFilters;
  setFilters: (changes: Partial<ArchiveFilters>) => void;
  /** The search's results while there is a query; undefined shows the list. */
  results: SearchPage | undefined;
  showPage: (page: number) => void;
}

/** The search box and the filters: a search a quarter second after typing stops. */
export function useArchiveSearch(api: Api): ArchiveSearch {
  const [query, setQuery] = useState('');
  const [filters, setAll] = useState<ArchiveFilters>(noFilters);
  const [found, setFound] = useState<SearchPage>();
  const run = useCallback(
    async (text: string, page = 1) => {
      const result = await api['articles.search']({
        query: text,
        page,
        scope: filters.scope,
        status: filters.status || undefined,
        section: filters.section || undefined,
        missingPhotoCredit: filters.missingCredit || undefined,
        contributor: filters.contributor.trim() || undefined,
        from: filters.from || undefined,
        to: filters.to || undefined,
      });
      if (result.ok) setFound(result.value);
    },
    [api, filters],
  );
  useEffect(() => {
    if (query.trim() === '') return;
    const timer = setTimeout(() => void run(query), 250);
    return () => clearTimeout(timer);
  }, [query, run]);
  return {
    query,
    setQuery,
    filters,
    setFilters: (changes) => setAll((current) => ({ ...current, ...changes })),
    results: query.trim() === '' ? undefined : found,
    showPage: (page) => void run(query, page),
  };
}
