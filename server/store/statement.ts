import type pg from 'pg';

/**
 * A statement PostgreSQL parses and plans once per connection, then only runs: for the
 * queries every push makes (about ten a push), where parsing and planning again each time
 * cost more than running them.
 */
export const statement =
  (name: string, text: string) =>
  (values: unknown[]): pg.QueryConfig => ({ name, text, values });
