import { getSettings, updateSettings } from '../archive/settingsStore';
import type { CoreContext, HandlersOf } from './context';

export const settingsHandlers = ({ db, forgetActor }: CoreContext) =>
  ({
    'settings.get': () => getSettings(db),
    'settings.update': (changes) => {
      forgetActor();
      return updateSettings(db, changes);
    },
  }) satisfies HandlersOf<'settings.get' | 'settings.update'>;
