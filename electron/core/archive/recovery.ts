import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ArchiveOpenError } from '../CoreError';
import { archivePath } from '../dataDir';
import type { VerifiedBackup } from './backups';
import { listBackups, verifyBackup } from './backups';
import { judgeLedger, readLedgerNote } from './changeLedger';
import type { ArchiveLedger } from './changeLedger';
import { headerApplicationId, inspectArchiveFile, readArchiveFile } from './openArchive';
import type { ArchiveIdentity } from './openArchive';
import type { OpenArchiveOptions } from './openArchive';

/** What can be wrong with an archive found at start (a newer schema is not here: it is refused, never moved). */
export const problemKinds = ['not_sqlite', 'damaged', 'stray_wal', 'missing_wal', 'unreadable'] as const;
export type ProblemKind = (typeof problemKinds)[number];

export interface ArchiveProblem {
  kind: ProblemKind;
  message: string;
}

const walOf = (file: string): string => `${file}-wal`;
const shmOf = (file: string): string => `${file}-shm`;
const nonEmpty = (file: string): boolean => existsSync(file) && statSync(file).size > 0;

// Each process that opens the archive leaves a marker; a clean close removes it. They say who
// has the archive open now (restore waits for them); whether changes were lost is the ledger's.
const sessionsDir = (dataDir: string): string => join(dataDir, 'sessions');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

interface SessionMarker {
  pid: number;
  startedAt: string;
}

function readMarkers(dataDir: string): SessionMarker[] {
  const dir = sessionsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    try {
      const marker = JSON.parse(readFileSync(join(dir, name), 'utf8')) as SessionMarker;
      return Number.isInteger(marker.pid) ? [marker] : [];
    } catch {
      return [];
    }
  });
}

/** Processes other than this one that have the archive open now. */
export const liveSessions = (dataDir: string): SessionMarker[] =>
  readMarkers(dataDir).filter((marker) => marker.pid !== process.pid && alive(marker.pid));

const deadSessions = (dataDir: string): SessionMarker[] =>
  readMarkers(dataDir).filter((marker) => marker.pid !== process.pid && !alive(marker.pid));

/** Marks the archive open by this process; the returned function unmarks it (on a clean close). */
export function markSession(dataDir: string): () => void {
  const dir = sessionsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const marker of deadSessions(dataDir)) rmSync(join(dir, `${marker.pid}.json`), { force: true });
  const file = join(dir, `${process.pid}.json`);
  writeFileSync(
    file,
    JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies SessionMarker),
    { mode: 0o600 },
  );
  return () => rmSync(file, { force: true });
}

/**
 * Looks at the archive in a data folder without changing it: a file that is not SQLite, a
 * damaged one, a write-ahead log that does not belong to it, or an archive that lost changes
 * Newsroom had acknowledged (its log went missing). A log that any SQLite program folded in
 * is no problem. A newer schema throws (the app must be updated; nothing is moved).
 */
export function assessArchive(dataDir: string, options: OpenArchiveOptions = {}): ArchiveProblem | undefined {
  const file = archivePath(dataDir);
  if (!existsSync(file)) {
    if (nonEmpty(walOf(file))) {
      return {
        kind: 'stray_wal',
        message: `There is a write-ahead log (${basename(walOf(file))}) but no archive beside it in ${dataDir}.`,
      };
    }
    return undefined;
  }
  // One read of the archive (through its log, if any) checks it and gives its identity and ledger.
  let seen: ArchiveIdentity | undefined;
  try {
    seen = inspectArchiveFile(file, options);
  } catch (error) {
    if (!(error instanceof ArchiveOpenError)) throw error;
    if (error.reason === 'newer') throw error;
    if (error.reason === 'damaged' && nonEmpty(walOf(file))) {
      const foreign = foreignLog(file, logApplicationId(file));
      if (foreign) return foreign;
      if (mainFileAloneIsHealthy(file, options)) {
        return {
          kind: 'stray_wal',
          message: `The write-ahead log beside ${file} does not belong to it or is damaged: with it the archive reads as damaged (${error.message}), without it the archive is healthy.`,
        };
      }
    }
    return {
      kind: error.reason === 'not_sqlite' ? 'not_sqlite' : error.reason === 'unreadable' ? 'unreadable' : 'damaged',
      message: error.message,
    };
  }
  if (nonEmpty(walOf(file))) {
    const foreign = foreignLog(file, seen?.applicationId);
    if (foreign) return foreign;
  }
  return lostChanges(dataDir, file, seen?.ledger);
}

/** A log whose archive identity (read through it) is not the one in the archive's own header. */
function foreignLog(file: string, throughLog: number | undefined): ArchiveProblem | undefined {
  const ownId = headerApplicationId(file);
  if (throughLog === undefined || ownId === 0 || throughLog === ownId) return undefined;
  return {
    kind: 'stray_wal',
    message: `The write-ahead log beside ${file} belongs to another archive (its identity differs from the archive's).`,
  };
}

/** An archive that opens and reads well, but holds fewer changes than were acknowledged. */
function lostChanges(dataDir: string, file: string, ledger: ArchiveLedger | undefined): ArchiveProblem | undefined {
  const verdict = judgeLedger(readLedgerNote(dataDir), ledger);
  if (verdict.ok) return undefined;
  return {
    kind: 'missing_wal',
    message: `The archive ${file} holds fewer changes than Newsroom had saved in it (${verdict.present} of ${verdict.acknowledged}): its write-ahead log (${basename(walOf(file))}), which holds the latest saves until they are folded into the archive, is missing or is not the one it had. If it was moved, put it back beside the archive before going on. If you put back an older copy of the archive on purpose, open it as it is.`,
  };
}

/** The application id as read through the log (undefined when the file cannot be read at all). */
function logApplicationId(file: string): number | undefined {
  try {
    return readArchiveFile(file, (db) => db.pragma('application_id', { simple: true }) as number);
  } catch {
    return undefined;
  }
}

/** Checks a copy of the archive file alone, away from its log (the original is not touched). */
function mainFileAloneIsHealthy(file: string, options: OpenArchiveOptions): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-check-'));
  try {
    const copy = join(dir, 'archive.sqlite3');
    copyFileSync(file, copy);
    inspectArchiveFile(copy, options);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const setAsideRoot = (dataDir: string): string => join(dataDir, 'set-aside');

/**
 * Moves the archive and its -wal and -shm files into a folder of their own under set-aside/,
 * with a note saying what was wrong. Nothing is deleted or overwritten.
 */
export function setAside(
  dataDir: string,
  kind: ProblemKind | 'replaced',
  message: string,
  now: Date = new Date(),
): string {
  const file = archivePath(dataDir);
  const base = join(setAsideRoot(dataDir), `${now.toISOString().replace(/[-:]/g, '').replace('.', '')}-${kind}`);
  let dir = base;
  for (let n = 2; existsSync(dir); n += 1) dir = `${base}-${n}`;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const path of [file, walOf(file), shmOf(file)]) {
    if (existsSync(path)) renameSync(path, join(dir, basename(path)));
  }
  writeFileSync(
    join(dir, 'WHAT-HAPPENED.txt'),
    `${now.toISOString()}\n${message}\n\nThese files were moved here by Newsroom and have not been changed.\n`,
  );
  return dir;
}

/** The archive file kept in a set-aside folder, without its log (for stray or missing logs). */
export function setAsideArchive(dir: string): string | undefined {
  const file = join(dir, basename(archivePath('')));
  return existsSync(file) ? file : undefined;
}

/**
 * Puts a copy of a backup (or of a set-aside archive file) in place of the archive, which must
 * not exist (set it aside first). The copy is checked before it takes the archive's name.
 */
export function installArchiveCopy(dataDir: string, source: string): VerifiedBackup {
  const file = archivePath(dataDir);
  if (existsSync(file) || existsSync(walOf(file))) throw new Error(`${file} exists; set it aside before restoring.`);
  const partial = `${file}.restoring`;
  copyFileSync(source, partial);
  const checked = verifyBackup({
    name: basename(source),
    file: partial,
    createdAt: new Date().toISOString(),
    reason: 'manual',
    bytes: statSync(partial).size,
  });
  if (!checked.ok) {
    rmSync(partial, { force: true });
    throw new Error(
      `${source} failed its integrity check (${checked.problems.slice(0, 3).join('; ')}); nothing was changed.`,
    );
  }
  rmSync(shmOf(file), { force: true });
  renameSync(partial, file);
  return { ...checked, file: source };
}

/** Backups with their check, newest first (for the recovery screen and doctor). */
export const verifiedBackups = (dataDir: string): VerifiedBackup[] => listBackups(dataDir).map(verifyBackup);
