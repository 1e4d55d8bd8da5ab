import type { Migration } from '../migrate';
import { migration001 } from './001-articles';
import { migration002 } from './002-content-status-settings';
import { migration003 } from './003-search-indexes';
import { migration004 } from './004-revisions';
import { migration005 } from './005-photos';
import { migration006 } from './006-people';
import { migration007 } from './007-search-exact-marked-words';
import { migration008 } from './008-photo-search-texts';
import { migration009 } from './009-search-body-first';
import { migration010 } from './010-change-ledger';
import { migration011 } from './011-desk-outbox';
import { migration012 } from './012-desk-photos';
import { migration013 } from './013-desk-conflicts';
import { migration014 } from './014-desk-news';

/**
 * Every schema version, in order. Append-only: a migration that has shipped is never edited
 * (each file holds its own SQL and data steps, importing no live code); add the next number.
 */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
];
