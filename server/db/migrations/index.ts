import { sql as initial } from './001-initial';
import { sql as bodyBlocks } from './002-body-blocks';
import { sql as hotRowKeys } from './003-hot-row-keys';
import { sql as recordChange } from './004-record-change';
import { sql as checkouts } from './005-checkouts';
import { sql as deskSettings } from './006-desk-settings';
import { sql as photos } from './007-photos';

/** The desk's migrations in order; the schema version is the count. */
export const migrations: readonly { name: string; sql: string }[] = [
  { name: '001-initial', sql: initial },
  { name: '002-body-blocks', sql: bodyBlocks },
  { name: '003-hot-row-keys', sql: hotRowKeys },
  { name: '004-record-change', sql: recordChange },
  { name: '005-checkouts', sql: checkouts },
  { name: '006-desk-settings', sql: deskSettings },
  { name: '007-photos', sql: photos },
];
