import type { Contributor, ContributorRole } from '../../../shared/article/credits';
import { contributorRoles } from '../../../shared/article/credits';
import { useI18n } from '../i18n/I18nProvider';
import { peopleListId, usePeople } from '../people/People';

interface Props {
  contributors: Contributor[];
  onChange: (contributors: Contributor[]) => void;
}

export function ContributorsEditor({ contributors, onChange }: Props) {
  const { t } = useI18n();
  const people = usePeople();
  const update = (index: number, next: Contributor | undefined) =>
    onChange(
      next
        ? contributors.map((current, at) => (at === index ? next : current))
        : contributors.filter((_, at) => at !== index),
    );
  const toggleRole = (contributor: Contributor, role: ContributorRole): ContributorRole[] => {
    const roles = contributor.roles.includes(role)
      ? contributor.roles.filter((current) => current !== role)
      : [...contributor.roles, role];
    return roles.length > 0 ? roles : contributor.roles;
  };
  return (
    <div className="contributors" data-testid="contributors">
      {contributors.map((contributor, index) => (
        <fieldset key={index} className="contributor">
          <legend className="visually-hidden">{t('inspector.contributor')}</legend>
          <input
            aria-label={t('inspector.contributorName')}
            data-testid={`contributor-name-${index}`}
            value={contributor.name}
            list={peopleListId}
            onFocus={people.refresh}
            onChange={(event) => update(index, { ...contributor, name: event.target.value })}
          />
          <span className="roles">
            {contributorRoles.map((role) => (
              <label key={role}>
                <input
                  type="checkbox"
                  checked={contributor.roles.includes(role)}
                  data-testid={`contributor-${index}-${role}`}
                  onChange={() => update(index, { ...contributor, roles: toggleRole(contributor, role) })}
                />
                {t(`role.${role}`)}
              </label>
            ))}
          </span>
          <button type="button" className="link-button" onClick={() => update(index, undefined)}>
            {t('inspector.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="link-button"
        data-testid="add-contributor"
        onClick={() => onChange([...contributors, { name: '', roles: ['text'] }])}
      >
        {t('inspector.addContributor')}
      </button>
    </div>
  );
}
