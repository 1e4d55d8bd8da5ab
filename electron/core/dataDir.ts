import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ArchiveOpenError } from './CoreError';

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
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback?: string,
): string {
  return resolve(flag ?? env.NEWSROOM_DATA_DIR ?? fallback ?? platformDataDir(env));
}

export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export const archivePath = (dataDir: string): string => join(dataDir, archiveFileName);

const accessProblem = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EROFS') return 'it is on a read-only disk';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return undefined;
};

/**
 * The data folder, made if needed, refused when Newsroom cannot write there (a read-only
 * disk, a folder or archive of another user): the archive is not opened, nothing is changed.
 */
export function ensureWritableDataDir(dir: string): string {
  const fail = (what: string, reason: string): never => {
    throw new ArchiveOpenError(
      'read_only',
      archivePath(dir),
      `${what} cannot be written (${reason}): Newsroom saves every change there, so it did not open the archive. Nothing was changed. Choose a folder you can write to (--data-dir), or give yourself write access to this one.`,
    );
  };
  try {
    ensureDataDir(dir);
  } catch (error) {
    const reason = accessProblem(error);
    if (reason) fail(`The data folder ${dir}`, reason);
    throw error;
  }
  for (const [path, what] of [
    [dir, `The data folder ${dir}`],
    [archivePath(dir), `The archive ${archivePath(dir)}`],
    [`${archivePath(dir)}-wal`, `The archive's log ${archivePath(dir)}-wal`],
    [`${archivePath(dir)}-shm`, `The archive's index ${archivePath(dir)}-shm`],
  ] as const) {
    if (path !== dir && !existsSync(path)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const reason = accessProblem(error);
      if (reason) fail(what, reason);
      throw error;
    }
  }
  keepPrivate(dir);
  return dir;
}

/**
 * The archive, its log, backups, photos and exports are the user's alone (0600 files, 0700
 * folders), whatever the umask or the data folder's own mode: the process creates everything
 * from here on without group or other bits, and the archive file is made (or mended) 0600
 * before SQLite opens it, since its -wal and -shm files take its mode.
 */
function keepPrivate(dir: string): void {
  process.umask(0o077);
  const file = archivePath(dir);
  // (Not beside a log without its archive: that is for the recovery to see as it is.)
  if (!existsSync(file) && !existsSync(`${file}-wal`)) writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
}
