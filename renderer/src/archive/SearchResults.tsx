import type { ReactNode } from 'react';
import type { SearchPage } from '../../../shared/search/results';
import type { Snippet } from '../../../shared/search/snippet';
import { useI18n } from '../i18n/I18nProvider';
import { statusKey } from '../i18n/messages';

/** The snippet as text with its matches in <mark>: never as HTML. */
function highlighted(snippet: Snippet): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start < at) continue;
    parts.push(snippet.text.slice(at, start), <mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return parts;
}

interface Props {
  found: SearchPage;
  currentId: number | undefined;
  onSelect: (id: number) => void;
  onPage: (page: number) => void;
}

export function SearchResults({ found, currentId, onSelect, onPage }: Props) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
  return (
    <div className="search-results" data-testid="search-results">
      <p className="search-count">
        {t(found.totalAtMost ? 'search.countAtMost' : 'search.count', { n: String(found.total) })}
        {found.order === 'newest' && ` · ${t('search.newest')}`}
      </p>
      <ul className="archive-list">
        {found.results.map((hit) => (
          <li key={hit.id}>
            <button
              type="button"
              className="archive-item"
              aria-current={hit.id === currentId ? 'true' : undefined}
              data-article-id={hit.id}
              onClick={() => onSelect(hit.id)}
            >
              <span className="archive-headline">{hit.headline || t('archive.untitled')}</span>
              <span className="search-snippet" data-testid="snippet">
                {highlighted(hit.snippet)}
              </span>
              <span className="archive-meta">{t(statusKey(hit.status))}</span>
            </button>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className="search-pages" aria-label={t('search.pages')}>
          <button type="button" className="secondary" disabled={found.page <= 1} onClick={() => onPage(found.page - 1)}>
            ←
          </button>
          <span>{t('search.page', { page: String(found.page), pages: String(pages) })}</span>
          <button
            type="button"
            className="secondary"
            data-testid="search-next"
            disabled={found.page >= pages}
            onClick={() => onPage(found.page + 1)}
          >
            →
          </button>
        </nav>
      )}
    </div>
  );
}
