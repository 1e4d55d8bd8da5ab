import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { Person } from '../../../shared/people/person';
import { personKey } from '../../../shared/people/person';

interface People {
  people: Person[];
  /** Reads the registry again (a name field getting focus asks for it). */
  refresh: () => void;
  /** The registry's display form of a name, when it has one. */
  display: (name: string) => string | undefined;
}

const PeopleContext = createContext<People>({ people: [], refresh: () => undefined, display: () => undefined });

/** The id of the one <datalist> of known names that name fields point to. */
export const peopleListId = 'people-names';

/** The contributor registry for the page: suggestions in every name field, display forms for credit lines. */
export function PeopleProvider({ api, children }: { api: Api; children: ReactNode }) {
  const [people, setPeople] = useState<Person[]>([]);
  const refresh = useCallback(() => {
    void api['people.list']({}).then((result) => {
      if (result.ok) setPeople(result.value);
    });
  }, [api]);
  useEffect(refresh, [refresh]);
  const value = useMemo(() => {
    const displays = new Map(
      people.filter((person) => person.display !== '').map((person) => [personKey(person.name), person.display]),
    );
    return { people, refresh, display: (name: string) => displays.get(personKey(name)) };
  }, [people, refresh]);
  return (
    <PeopleContext.Provider value={value}>
      {children}
      <datalist id={peopleListId}>
        {people.map((person) => (
          <option key={person.name} value={person.name}>
            {person.unit}
          </option>
        ))}
      </datalist>
    </PeopleContext.Provider>
  );
}

export const usePeople = (): People => useContext(PeopleContext);
