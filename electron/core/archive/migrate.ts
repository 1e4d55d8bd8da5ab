import type { Database } from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export { allMigrations as migrations };

export const latestVersion = (list: readonly Migration[] = allMigrations): number =>
  list.reduce((max, migration) => Math.max(max, migration.version), 0);

/** Runs every pending migration in one transaction; a failure leaves the file as it was. */
export function migrate(db: Database, list: readonly Migration[] = allMigrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((migration) => migration.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return current;
  const target = latestVersion(list);
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}
