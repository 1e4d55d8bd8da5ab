import type { Database } from 'better-sqlite3';
import { rebuildPhotoSearchTexts } from '../photos/photoStore';
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
  // Derived data a migration emptied is rebuilt with today's code, here and only here (a
  // migration itself never imports live code): schema 8 asks for the photos' search texts.
  if (current < 8 && target >= 8) rebuildPhotoSearchTexts(db);
  return target;
}
