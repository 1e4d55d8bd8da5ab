import { listPeople } from '../archive/peopleStore';
import { savePersonOnDesk } from '../sync/deskSettings';
import type { CoreContext, HandlersOf } from './context';

export const peopleHandlers = ({ db, deskLink }: CoreContext) =>
  ({
    'people.list': () => listPeople(db),
    'people.save': (person) => savePersonOnDesk(db, deskLink(), person),
  }) satisfies HandlersOf<'people.list' | 'people.save'>;
