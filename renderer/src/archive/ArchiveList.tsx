import type { ArticleSummary } from '../../../shared/article/article';
import { useI18n } from '../i18n/I18nProvider';
import { statusKey } from '../i18n/messages';

interface Props {
  articles: ArticleSummary[];
  currentId: number | undefined;
  onSelect: (id: number) => void;
}

export function ArchiveList({ articles, currentId, onSelect }: Props) {
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
            <span className="archive-meta">{t(statusKey(article.status))}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
