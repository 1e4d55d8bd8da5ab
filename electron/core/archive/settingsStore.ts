import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/settings/settings';
import { defaultSettings, settingsSchema } from '../../../shared/settings/settings';

/**
 * Settings live in the archive, one row per key. Keys never written keep their defaults, and so
 * does a key whose stored value no longer fits its schema: one bad value never resets the others.
 */
export function getSettings(db: Database): Settings {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
  const settings: Record<string, unknown> = { ...defaultSettings };
  for (const row of rows) {
    if (!Object.hasOwn(settingsSchema.shape, row.key)) continue;
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = settingsSchema.shape[row.key as keyof Settings].safeParse(value);
    if (parsed.success) settings[row.key] = parsed.data;
  }
  return settings as Settings;
}

export function updateSettings(db: Database, changes: Partial<Settings>): Settings {
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) write.run(key, JSON.stringify(value));
    }
  }).immediate();
  return getSettings(db);
}
