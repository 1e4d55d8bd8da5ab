import { useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { Person } from '../../../shared/people/person';
import { useI18n } from '../i18n/I18nProvider';
import { usePeople } from './People';

function PersonRow({ api, person, onSaved }: { api: Api; person: Person; onSaved: () => void }) {
  const { t } = useI18n();
  const [display, setDisplay] = useState(person.display);
  const [unit, setUnit] = useState(person.unit);
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle');
  const changed = display !== person.display || unit !== person.unit;
  return (
    <li className="person" data-testid="person">
      <span className="person-name">{person.name}</span>
      <input
        aria-label={t('people.display')}
        placeholder={person.name.toLocaleUpperCase('vi')}
        data-testid="person-display"
        value={display}
        onChange={(event) => setDisplay(event.target.value)}
      />
      <input
        aria-label={t('people.unit')}
        placeholder={t('people.unit')}
        data-testid="person-unit"
        value={unit}
        onChange={(event) => setUnit(event.target.value)}
      />
      <button
        type="button"
        disabled={!changed}
        data-testid="person-save"
        onClick={() =>
          void api['people.save']({ name: person.name, display, unit }).then((result) => {
            setState(result.ok ? 'saved' : 'failed');
            if (result.ok) onSaved();
          })
        }
      >
        {t('people.save')}
      </button>
      {state === 'saved' && <span role="status">{t('photos.saved')}</span>}
      {state === 'failed' && <span className="error">{t('settings.failed')}</span>}
    </li>
  );
}

/** The contributor registry: how credit lines write each name, and each person's unit. */
export function PeopleEditor({ api }: { api: Api }) {
  const { t } = useI18n();
  const { people, refresh } = usePeople();
  return (
    <details
      className="people-editor"
      data-testid="people-editor"
      onToggle={(event) => event.currentTarget.open && refresh()}
    >
      <summary>{t('people.title')}</summary>
      <small>{t('people.help')}</small>
      {people.length === 0 && <p>{t('people.empty')}</p>}
      <ul className="people-list">
        {people.map((person) => (
          <PersonRow key={person.name} api={api} person={person} onSaved={refresh} />
        ))}
      </ul>
    </details>
  );
}
