import { useEffect, useRef } from 'react';
import type { ArticleSummary } from '../../../shared/article/article';
import type { DeskEditor } from '../../../shared/desk/status';
import { useI18n } from '../i18n/I18nProvider';
import { statusKey } from '../i18n/messages';

interface Props {
  articles: ArticleSummary[];
  currentId: number | undefined;
  /** Others on the desk with an article open, by its id. */
  editors?: Map<number, DeskEditor[]>;
  onSelect: (id: number) => void;
  /** More pages follow: the next loads when the end of the list comes into sight. */
  more: boolean;
  onMore: () => void;
  /** A view or a filter narrows the list. */
  narrowed: boolean;
}

export function ArchiveList({ articles, currentId, editors, onSelect, more, onMore, narrowed }: Props) {
  const { t } = useI18n();
  const end = useRef<HTMLButtonElement>(null);
  const askMore = useRef(onMore);
  useEffect(() => {
    askMore.current = onMore;
  });
  useEffect(() => {
    const button = end.current;
    if (!button || !more) return;
    // Asked a screen ahead, so scrolling rarely reaches an end that is still loading.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && askMore.current(), {
      rootMargin: '600px 0px',
    });
    observer.observe(button);
    return () => observer.disconnect();
  }, [more, articles.length]);
  if (articles.length === 0)
    return <p className="archive-empty">{t(narrowed ? 'archive.noneInView' : 'archive.empty')}</p>;
  return (
    <ul className="archive-list" data-testid="archive-list">
      {articles.map((article) => (
        <li key={article.id}>
          <button
            type="button"
            className="archive-item"
            aria-current={article.id === currentId ? 'true' : undefined}
            data-article-id={article.id}
            onClick={() => onSelect(article.id)}
          >
            <span className="archive-headline">{article.headline || t('archive.untitled')}</span>
            <span className="archive-meta">
              {t(statusKey(article.status))}
              {editors?.get(article.id) && (
                <span className="archive-editing" data-testid="archive-editing">
                  {' · '}
                  {t('desk.editing', {
                    user: [...new Set(editors.get(article.id)?.map((editor) => editor.user))].join(', '),
                  })}
                </span>
              )}
            </span>
          </button>
        </li>
      ))}
      {more && (
        <li className="archive-more">
          <button type="button" ref={end} data-testid="archive-more" onClick={onMore}>
            {t('archive.more')}
          </button>
        </li>
      )}
    </ul>
  );
}
