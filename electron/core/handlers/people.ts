import { listPeople, savePerson } from '../archive/peopleStore';
import type { CoreContext, HandlersOf } from './context';

export const peopleHandlers = ({ db }: CoreContext) =>
  ({
    'people.list': () => listPeople(db),
    'people.save': (person) => savePerson(db, person),
  }) satisfies HandlersOf<'people.list' | 'people.save'>;
