import { getSettings } from '../archive/settingsStore';
import { updateSettingsOnDesk } from '../sync/deskSettings';
import type { CoreContext, HandlersOf } from './context';

export const settingsHandlers = ({ db, forgetActor, deskLink }: CoreContext) =>
  ({
    'settings.get': () => getSettings(db),
    'settings.update': (changes) => {
      forgetActor();
      return updateSettingsOnDesk(db, deskLink(), changes);
    },
  }) satisfies HandlersOf<'settings.get' | 'settings.update'>;
