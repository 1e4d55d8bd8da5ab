import { CoreError } from '../CoreError';
import type { CoreContext, HandlersOf } from './context';

/** An open core's archive is healthy; the archive service answers these while it recovers. */
export const archiveHandlers = ({ db }: CoreContext) =>
  ({
    'archive.status': () => ({ state: 'open' as const, file: db.name }),
    'archive.recover': () => {
      throw new CoreError('validation', 'The archive is open and healthy: there is nothing to recover.');
    },
  }) satisfies HandlersOf<'archive.status' | 'archive.recover'>;
