import type { Database } from 'better-sqlite3';
import type { Settings } from '../../shared/settings/settings';
import { defaultSettings, settingsSchema } from '../../shared/settings/settings';

/** Settings live in the archive, one row per key; keys never written keep their defaults. */
export function getSettings(db: Database): Settings {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    if (Object.hasOwn(defaultSettings, row.key)) stored[row.key] = JSON.parse(row.value);
  }
  const parsed = settingsSchema.safeParse({ ...defaultSettings, ...stored });
  return parsed.success ? parsed.data : defaultSettings;
}

export function updateSettings(db: Database, changes: Partial<Settings>): Settings {
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) write.run(key, JSON.stringify(value));
    }
  }).immediate();
  return getSettings(db);
}
