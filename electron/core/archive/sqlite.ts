import BetterSqlite3 from 'better-sqlite3';
import type { Database, Options } from 'better-sqlite3';

// The Electron shell loads a better-sqlite3 addon built for its own ABI; every connection the
// core opens (the archive, backups, checks) must use that one, or the process crashes.
let nativeBinding: string | undefined;

/** The better-sqlite3 addon for this process (the desktop shell's Electron build); once, at start. */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** Every SQLite connection of the core is opened here. */
export const openSqlite = (file: string, options: Omit<Options, 'nativeBinding'> = {}): Database =>
  new BetterSqlite3(file, { ...options, nativeBinding });
