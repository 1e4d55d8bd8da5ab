import type { Database } from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { ArchiveOpenError } from '../CoreError';
import { latestVersion, migrate } from './migrate';
import type { Migration } from './migrate';
import { migrations as allMigrations } from './migrate';
import { archiveLedger } from './changeLedger';
import type { ArchiveLedger } from './changeLedger';
import { openSqlite } from './sqlite';

export interface OpenArchiveOptions {
  synchronous?: 'FULL' | 'NORMAL';
  migrations?: readonly Migration[];
  /** false: leave the schema as it is (the caller backs the file up, then calls migrate). */
  migrate?: boolean;
  /** true: the caller has just inspected the file (assessArchive, or a verified copy): not again. */
  inspected?: boolean;
}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(sqliteHeader.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The application id in the file's own header (what the main file says, whatever a log beside it holds). */
export function headerApplicationId(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(4);
    return readSync(fd, bytes, 0, 4, 68) === 4 ? bytes.readInt32BE(0) : 0;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an archive file without changing it. With a log beside it, read-only, so that a log
 * that may not belong to it is never folded in; without one, as an ordinary connection,
 * which (unlike a read-only one) leaves no empty log and index files behind when it closes.
 */
export function readArchiveFile<T>(file: string, read: (db: Database) => T): T {
  const readonly = existsSync(`${file}-wal`);
  const db = openSqlite(file, { readonly, fileMustExist: true });
  try {
    if (!readonly) db.pragma('query_only = ON');
    return read(db);
  } finally {
    db.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks an existing archive without writing to it: a file that is not SQLite, is damaged,
 * or comes from a newer version of the app is refused and left byte-for-byte as it was.
 */
/** What the inspection read of the archive, through its log: its identity and its change ledger. */
export interface ArchiveIdentity {
  applicationId: number;
  ledger: ArchiveLedger | undefined;
}

export function inspectArchiveFile(file: string, options: OpenArchiveOptions = {}): ArchiveIdentity | undefined {
  const latest = latestVersion(options.migrations ?? allMigrations);
  if (statSync(file).size === 0) {
    if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) {
      throw new ArchiveOpenError(
        'damaged',
        file,
        `The archive ${file} is empty but has a write-ahead log beside it; it was not opened.`,
      );
    }
    return undefined;
  }
  if (!readHeader(file).equals(sqliteHeader)) {
    throw new ArchiveOpenError(
      'not_sqlite',
      file,
      `The archive ${file} is not a SQLite database; it was not opened or changed.`,
    );
  }
  try {
    return readArchiveFile(file, (db) => {
      const check = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
      const problems = check.map((row) => row.quick_check).filter((line) => line !== 'ok');
      if (problems.length > 0) {
        throw new ArchiveOpenError(
          'damaged',
          file,
          `The archive ${file} is damaged (${problems.slice(0, 3).join('; ')}); it was not opened or changed.`,
        );
      }
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > latest) {
        throw new ArchiveOpenError(
          'newer',
          file,
          `The archive ${file} was written by a newer version of Newsroom (schema ${version}, this version knows up to ${latest}); update the app to open it. It was not changed.`,
        );
      }
      return { applicationId: db.pragma('application_id', { simple: true }) as number, ledger: archiveLedger(db) };
    });
  } catch (error) {
    if (error instanceof ArchiveOpenError) throw error;
    throw new ArchiveOpenError(
      'damaged',
      file,
      `The archive ${file} cannot be read (${describe(error)}); it was not opened or changed.`,
    );
  }
}

/** Opens (creating if needed) the archive file and brings it to the latest schema. */
export function openArchive(file: string, options: OpenArchiveOptions = {}): Database {
  const list = options.migrations ?? allMigrations;
  if (!options.inspected && existsSync(file)) inspectArchiveFile(file, options);
  let db: Database;
  try {
    db = openSqlite(file);
  } catch (error) {
    throw new ArchiveOpenError('unreadable', file, `The archive ${file} cannot be opened: ${describe(error)}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.migrate !== false) migrate(db, list);
    // Each archive carries a random identity in its header, so a log from another archive is told apart.
    if (!db.readonly && (db.pragma('application_id', { simple: true }) as number) === 0) {
      db.pragma(`application_id = ${randomInt(1, 2 ** 31 - 1)}`);
      // Folded into the file at once, so the file's own header carries it from now on.
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return db;
  } catch (error) {
    db.close();
    throw new ArchiveOpenError('unreadable', file, `The archive ${file} could not be prepared: ${describe(error)}`);
  }
}
