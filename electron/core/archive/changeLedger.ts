import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/*
 * How Newsroom tells "the write-ahead log was folded into the archive" (any SQLite program
 * does that when it closes the file) from "the log was lost, and acknowledged saves with it".
 *
 * The archive counts its own changes: triggers (schema 10) add one to archive_ledger.changes
 * in the same transaction as every write, so the count travels with the data, in the log
 * until a checkpoint, in the main file after it. After each acknowledged call the core notes
 * the count beside the archive, in archive.ledger. At the next start an archive holding fewer
 * changes than the note says was acknowledged has lost some; one holding as many or more has
 * not, whoever folded its log. The note is written only after the commit returned, so it is
 * never ahead of what SQLite made durable: a crash can leave it behind (no alarm), never ahead
 * (a false one).
 */

export interface LedgerNote {
  applicationId: number;
  changes: number;
}

export interface ArchiveLedger extends LedgerNote {
  /** Set in backup copies only: the name of the backup. */
  backupOf: string | null;
}

export const ledgerNotePath = (dataDir: string): string => join(dataDir, 'archive.ledger');

// A fixed-size record overwritten in place: one small write, and a checksum that catches a torn one.
const recordBytes = 80;
const recordPattern = /^newsroom-ledger 1 (-?\d+) (\d+) ([0-9a-f]{16})\s*$/;
const checksum = (body: string): string => createHash('sha256').update(body).digest('hex').slice(0, 16);

function record(note: LedgerNote): Buffer {
  const body = `newsroom-ledger 1 ${note.applicationId} ${note.changes}`;
  return Buffer.from(`${body} ${checksum(body)}`.padEnd(recordBytes - 1, ' ') + '\n', 'latin1');
}

/** The note beside the archive, or undefined when there is none or it cannot be trusted. */
export function readLedgerNote(dataDir: string): LedgerNote | undefined {
  const file = ledgerNotePath(dataDir);
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  const match = recordPattern.exec(text);
  if (!match) return undefined;
  const [, applicationId = '', changes = '', sum] = match;
  if (checksum(`newsroom-ledger 1 ${applicationId} ${changes}`) !== sum) return undefined;
  return { applicationId: Number(applicationId), changes: Number(changes) };
}

/** After the user chose to keep an archive as it is: no note judges it until it is opened. */
export const forgetLedgerNote = (dataDir: string): void => rmSync(ledgerNotePath(dataDir), { force: true });

/** The archive's own count, through its log; undefined for a schema older than the ledger. */
export function archiveLedger(db: Database): ArchiveLedger | undefined {
  const hasTable =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archive_ledger'").get() !== undefined;
  if (!hasTable) return undefined;
  const row = db
    .prepare<[], { changes: number; backup_of: string | null }>(
      'SELECT changes, backup_of FROM archive_ledger WHERE id = 1',
    )
    .get();
  if (!row) return undefined;
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    changes: row.changes,
    backupOf: row.backup_of,
  };
}

export type LedgerVerdict = { ok: true } | { ok: false; acknowledged: number; present: number };

/**
 * Whether the archive holds every change that was acknowledged. A note of another archive
 * (its identity differs), an archive from before the ledger, and a backup put back (by hand
 * or by restore) are not judged by it.
 */
export function judgeLedger(note: LedgerNote | undefined, ledger: ArchiveLedger | undefined): LedgerVerdict {
  if (!note || !ledger || note.applicationId !== ledger.applicationId || ledger.backupOf !== null) return { ok: true };
  return ledger.changes >= note.changes
    ? { ok: true }
    : { ok: false, acknowledged: note.changes, present: ledger.changes };
}

/**
 * Marks a backup copy (through the archive's own connection) as one, so that putting it back
 * is not taken for a lost log; and makes it a plain file, with no log beside it when read.
 */
export function stampBackup(db: Database, file: string, name: string): void {
  db.prepare('ATTACH DATABASE ? AS backup_copy').run(file);
  try {
    db.pragma('backup_copy.journal_mode = DELETE');
    const hasLedger =
      db.prepare("SELECT 1 FROM backup_copy.sqlite_master WHERE type = 'table' AND name = 'archive_ledger'").get() !==
      undefined;
    if (hasLedger) db.prepare('UPDATE backup_copy.archive_ledger SET backup_of = ? WHERE id = 1').run(name);
  } finally {
    db.exec('DETACH DATABASE backup_copy');
  }
}

export interface LedgerKeeper {
  /** Notes the archive's count beside it when it changed; call after each acknowledged call. */
  note: () => void;
  close: () => void;
}

/**
 * Keeps the note for an open archive. Opening accepts the archive as it is (a backup put back
 * loses its stamp here), so the note starts from its count.
 */
export function keepLedger(db: Database, dataDir: string): LedgerKeeper {
  if ((archiveLedger(db)?.backupOf ?? null) !== null) {
    db.prepare('UPDATE archive_ledger SET backup_of = NULL WHERE id = 1').run();
    // Folded at once: a lost log must not bring the stamp back.
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const read = db.prepare<[], { changes: number }>('SELECT changes FROM archive_ledger WHERE id = 1');
  const fd = openSync(ledgerNotePath(dataDir), constants.O_RDWR | constants.O_CREAT, 0o600);
  let noted = -1;
  const note = (): void => {
    // Inside a transaction the count is not committed yet: never note ahead of the commit.
    if (!db.open || db.inTransaction) return;
    const changes = read.get()?.changes ?? 0;
    if (changes === noted) return;
    const bytes = record({ applicationId, changes });
    writeSync(fd, bytes, 0, bytes.length, 0);
    noted = changes;
  };
  note();
  return { note, close: () => closeSync(fd) };
}
