import { sql as initial } from './001-initial';

/** The desk's migrations in order; the schema version is the count. */
export const migrations: readonly { name: string; sql: string }[] = [{ name: '001-initial', sql: initial }];
