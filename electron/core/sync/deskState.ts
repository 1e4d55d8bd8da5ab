import type { Database } from 'better-sqlite3';

/**
 * The pull cursor, the last sync, the last round that brought something from the desk, the
 * desk settings' version and a change of them waiting to be sent.
 */
type DeskStateKey = 'cursor' | 'lastSyncedAt' | 'receivedAt' | 'settingsVersion' | 'settingsPending';

/** A value of the laptop's desk state (the pull cursor, the last sync), or undefined. */
export const readDeskState = (db: Database, key: DeskStateKey): string | undefined =>
  db.prepare<[string], { value: string }>('SELECT value FROM desk_state WHERE key = ?').get(key)?.value;

export function writeDeskState(db: Database, key: DeskStateKey, value: string): void {
  db.prepare(
    'INSERT INTO desk_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/**
 * Runs `write` in one transaction with the outbox triggers silenced: what the desk decided
 * (a pulled article, a corrected status) is not queued back to it.
 */
export function asTheDesk<T>(db: Database, write: () => T): T {
  return db
    .transaction(() => {
      db.prepare('INSERT OR IGNORE INTO desk_applying (id) VALUES (1)').run();
      try {
        return write();
      } finally {
        db.prepare('DELETE FROM desk_applying').run();
      }
    })
    .immediate();
}
