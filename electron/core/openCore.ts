import type { Database } from 'better-sqlite3';
import { startArchive } from './archiveService';
import type { ArchiveServiceOptions } from './archiveService';
import type { Handlers } from './createCore';

export interface OpenCore {
  db: Database;
  handlers: Handlers;
  dataDir: string;
  /** After work on db outside the handlers: notes the change count (see changeLedger). */
  noteChanges: () => void;
  close: () => void;
}

/**
 * Opens the archive in a data folder for a command that needs it healthy (the CLI): a
 * damaged archive is refused untouched, with the way to recover.
 */
export async function openCore(
  dataDir: string,
  options: Omit<ArchiveServiceOptions, 'recover'> = {},
): Promise<OpenCore> {
  const service = await startArchive(dataDir, { ...options, recover: false });
  const db = service.db();
  if (!db) throw new Error('The archive did not open.');
  return { db, handlers: service.handlers, dataDir, noteChanges: service.noteChanges, close: service.close };
}
