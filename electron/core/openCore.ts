import type { Database } from 'better-sqlite3';
import { openArchive } from './archive/openArchive';
import type { OpenArchiveOptions } from './archive/openArchive';
import { createCore } from './createCore';
import type { Handlers } from './createCore';
import { archivePath, ensureDataDir } from './dataDir';

export interface OpenCore {
  db: Database;
  handlers: Handlers;
  dataDir: string;
  close: () => void;
}

/** Opens the archive in a data folder and builds the core on it. */
export function openCore(dataDir: string, options: OpenArchiveOptions = {}): OpenCore {
  ensureDataDir(dataDir);
  const db = openArchive(archivePath(dataDir), options);
  return {
    db,
    handlers: createCore(db),
    dataDir,
    close: () => {
      if (db.open) db.close();
    },
  };
}
