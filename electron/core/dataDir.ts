import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const appName = 'Newsroom';
export const archiveFileName = 'archive.sqlite3';

/**
 * The platform's user-data folder, the same one Electron's app.getPath('userData') gives,
 * so the desktop app, the browser edition and the CLI share one archive.
 */
export function platformDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName);
}

/** --data-dir wins over NEWSROOM_DATA_DIR, which wins over the platform default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, fallback?: string): string {
  return resolve(flag ?? env.NEWSROOM_DATA_DIR ?? fallback ?? platformDataDir(env));
}

export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export const archivePath = (dataDir: string): string => join(dataDir, archiveFileName);
