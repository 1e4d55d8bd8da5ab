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
}

export function ArchiveList({ articles, currentId, editors, onSelect }: Props) {
  const { t } = useI18n();
  if (articles.length === 0) return <p className="archive-empty">{t('archive.empty')}</p>;
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
    </ul>
  );
}
