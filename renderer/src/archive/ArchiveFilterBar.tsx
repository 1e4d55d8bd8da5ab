import type { ArticleStatus } from '../../../shared/article/article';
import { articleStatuses } from '../../../shared/article/article';
import type { ListScope } from '../../../shared/archive/list';
import { listScopes } from '../../../shared/archive/list';
import { useI18n } from '../i18n/I18nProvider';
import { statusKey } from '../i18n/messages';
import { peopleListId } from '../people/People';
import type { ArchiveFilters } from './useArchiveSearch';

interface Props {
  filters: ArchiveFilters;
  onChange: (changes: Partial<ArchiveFilters>) => void;
  /** The sections the archive's articles are in. */
  sections: readonly string[];
  /** Joined to a desk: "on the desk" is a view. */
  onDesk: boolean;
}

/** The archive's filters: whose, status, section, contributor, dates, photos missing their credit. */
export function ArchiveFilterBar({ filters, onChange, sections, onDesk }: Props) {
  const { t } = useI18n();
  return (
    <div className="archive-filters">
      <select
        aria-label={t('archive.scope')}
        data-testid="filter-scope"
        value={filters.scope}
        onChange={(event) => onChange({ scope: event.target.value as ListScope })}
      >
        {listScopes
          .filter((scope) => scope !== 'desk' || onDesk || filters.scope === 'desk')
          .map((scope) => (
            <option key={scope} value={scope}>
              {t(`archive.scope.${scope}`)}
            </option>
          ))}
      </select>
      <select
        aria-label={t('archive.filterStatus')}
        data-testid="filter-status"
        value={filters.status}
        onChange={(event) => onChange({ status: event.target.value as ArticleStatus | '' })}
      >
        <option value="">{t('archive.allStatuses')}</option>
        {articleStatuses.map((status) => (
          <option key={status} value={status}>
            {t(statusKey(status))}
          </option>
        ))}
      </select>
      <select
        aria-label={t('archive.filterSection')}
        data-testid="filter-section"
        value={filters.section}
        onChange={(event) => onChange({ section: event.target.value })}
      >
        <option value="">{t('archive.allSections')}</option>
        {sections.map((section) => (
          <option key={section} value={section}>
            {section}
          </option>
        ))}
      </select>
      <input
        className="filter-contributor"
        data-testid="filter-contributor"
        aria-label={t('archive.filterContributor')}
        placeholder={t('archive.filterContributor')}
        list={peopleListId}
        value={filters.contributor}
        onChange={(event) => onChange({ contributor: event.target.value })}
      />
      {(['from', 'to'] as const).map((end) => (
        <label key={end} className="filter-date">
          {t(end === 'from' ? 'archive.from' : 'archive.to')}{' '}
          <input
            type="date"
            data-testid={`filter-${end}`}
            value={filters[end]}
            onChange={(event) => onChange({ [end]: event.target.value })}
          />
        </label>
      ))}
      <label className="filter-check">
        <input
          type="checkbox"
          data-testid="filter-missing-credit"
          checked={filters.missingCredit}
          onChange={(event) => onChange({ missingCredit: event.target.checked })}
        />{' '}
        {t('archive.missingPhotoCredit')}
      </label>
    </div>
  );
}
