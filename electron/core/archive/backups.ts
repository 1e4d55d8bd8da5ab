import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../CoreError';
import { stampBackup } from './changeLedger';
import { openSqlite } from './sqlite';

export const backupReasons = ['daily', 'manual', 'before-migration'] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface BackupInfo {
  /** The file's name inside the backups folder. */
  name: string;
  file: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

export interface VerifiedBackup extends BackupInfo {
  ok: boolean;
  /** integrity_check's lines ("ok" when healthy) or why the file cannot be read. */
  problems: string[];
  articles: number;
  schemaVersion: number;
}

/** How many of each kind are kept; the oldest go first. */
export const backupsKept: Record<BackupReason, number> = { daily: 7, manual: 10, 'before-migration': 3 };

export const backupsDir = (dataDir: string): string => join(dataDir, 'backups');

const namePattern = /^archive-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z-]+)\.sqlite3$/;

const stamp = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace('.', '');

function parseName(dir: string, name: string): BackupInfo | undefined {
  const match = namePattern.exec(name);
  if (!match) return undefined;
  const [, year, month, date, hours, minutes, seconds, millis, reason] = match;
  if (!(backupReasons as readonly string[]).includes(reason ?? '')) return undefined;
  const file = join(dir, name);
  return {
    name,
    file,
    createdAt: `${year}-${month}-${date}T${hours}:${minutes}:${seconds}.${millis}Z`,
    reason: reason as BackupReason,
    bytes: statSync(file).size,
  };
}

/** The backups in the data folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => parseName(dir, name) ?? [])
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Opens a backup read-only and checks every page of it. */
export function verifyBackup(backup: BackupInfo): VerifiedBackup {
  let db: Database | undefined;
  try {
    db = openSqlite(backup.file, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    const ok = problems.length === 1 && problems[0] === 'ok';
    const hasArticles =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get() !== undefined;
    const articles =
      ok && hasArticles ? (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n : 0;
    return { ...backup, ok, problems, articles, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    return {
      ...backup,
      ok: false,
      problems: [error instanceof Error ? error.message : String(error)],
      articles: 0,
      schemaVersion: 0,
    };
  } finally {
    db?.close();
  }
}

/** Deletes the oldest backups of each kind beyond what is kept, and partial files an interrupted backup left. */
export function rotateBackups(dataDir: string, now: Date = new Date()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(backupsDir(dataDir)).filter((candidate) => candidate.endsWith('.partial'))) {
    const file = join(backupsDir(dataDir), name);
    if (now.getTime() - statSync(file).mtimeMs > 3_600_000) {
      rmSync(file, { force: true });
      removed.push(name);
    }
  }
  const seen: Record<string, number> = {};
  for (const backup of listBackups(dataDir)) {
    seen[backup.reason] = (seen[backup.reason] ?? 0) + 1;
    if ((seen[backup.reason] ?? 0) > backupsKept[backup.reason]) {
      rmSync(backup.file, { force: true });
      removed.push(backup.name);
    }
  }
  return removed;
}

/**
 * An online backup with SQLite's backup API (saving goes on meanwhile), written under a
 * temporary name, stamped as a backup (see changeLedger), checked with integrity_check, and
 * only then given its name. A backup
 * that fails the check is deleted and reported.
 */
export async function makeBackup(
  db: Database,
  dataDir: string,
  reason: BackupReason,
  now: Date = new Date(),
): Promise<VerifiedBackup> {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let name = `archive-${stamp(now)}-${reason}.sqlite3`;
  for (let n = 1; existsSync(join(dir, name)); n += 1)
    name = `archive-${stamp(new Date(now.getTime() + n))}-${reason}.sqlite3`;
  const partial = join(dir, `${name}.partial`);
  try {
    await db.backup(partial);
    stampBackup(db, partial, name);
  } catch (error) {
    rmSync(partial, { force: true });
    const code = (error as { code?: string }).code;
    throw new CoreError(
      code === 'SQLITE_FULL' ? 'disk_full' : 'storage',
      `The backup could not be written to ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const file = join(dir, name);
  const checked = verifyBackup({
    name,
    file: partial,
    createdAt: now.toISOString(),
    reason,
    bytes: statSync(partial).size,
  });
  if (!checked.ok) {
    rmSync(partial, { force: true });
    throw new CoreError(
      'storage',
      `The backup failed its integrity check (${checked.problems.slice(0, 3).join('; ')}) and was deleted.`,
    );
  }
  renameSync(partial, file);
  rotateBackups(dataDir);
  return { ...checked, file };
}

const day = 24 * 3_600_000;

/** At start: a backup when the newest is older than a day (or there is none). */
export async function backupIfStale(
  db: Database,
  dataDir: string,
  now: Date = new Date(),
): Promise<VerifiedBackup | undefined> {
  const latest = listBackups(dataDir)[0];
  if (latest && now.getTime() - Date.parse(latest.createdAt) < day) return undefined;
  return makeBackup(db, dataDir, 'daily', now);
}
