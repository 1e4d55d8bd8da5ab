import { getSettings } from '../archive/settingsStore';
import { readDeskLink } from '../sync/deskLink';
import { updateSettingsOnDesk } from '../sync/deskSettings';
import type { CoreContext, HandlersOf } from './context';

export const settingsHandlers = ({ db, forgetActor, dataDir }: CoreContext) =>
  ({
    'settings.get': () => getSettings(db),
    'settings.update': (changes) => {
      forgetActor();
      // The core may run without a data folder (some tests): then it has no desk either.
      let link;
      try {
        link = readDeskLink(dataDir());
      } catch {
        link = undefined;
      }
      return updateSettingsOnDesk(db, link, changes);
    },
  }) satisfies HandlersOf<'settings.get' | 'settings.update'>;
