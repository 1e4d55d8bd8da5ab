import type { CliCommand } from '../command';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifiedBackup } from '../../core/archive/backups';
import { backupsDir, makeBackup } from '../../core/archive/backups';
import { checkArchive } from '../../core/archive/checkArchive';
import type { ArchiveReport } from '../../core/archive/checkArchive';
import { openSqlite } from '../../core/archive/sqlite';
import { forgetLedgerNote } from '../../core/archive/changeLedger';
import {
  assessArchive,
  installArchiveCopy,
  liveSessions,
  setAside,
  setAsideArchive,
  setAsideRoot,
  verifiedBackups,
} from '../../core/archive/recovery';
import { ArchiveOpenError } from '../../core/CoreError';
import { archivePath } from '../../core/dataDir';
import { CliError } from '../output';

import type { CommandContext, DataDirContext } from './context';

/** Restoring replaces the archive's files: never under a Newsroom that has them open. */
function refuseWhileOpen(dataDir: string): void {
  const running = liveSessions(dataDir);
  if (running.length > 0)
    throw new CliError(
      `Newsroom has this archive open (process ${running.map((session) => session.pid).join(', ')}); close it first.`,
    );
}

const backupLine = (backup: VerifiedBackup): string =>
  `  ${backup.name}  ${backup.ok ? `${backup.articles} article(s)` : `DAMAGED (${backup.problems.slice(0, 2).join('; ')})`}`;

/**
 * Checks the archive without changing anything: the quick checks made at every start, then a
 * full integrity_check; lists the backups (each checked) and any archives set aside.
 */
export function doctor(context: DataDirContext): boolean {
  const { dataDir, io } = context;
  const file = archivePath(dataDir);
  let problem: { kind: string; message: string } | undefined;
  try {
    problem = assessArchive(dataDir);
  } catch (error) {
    if (!(error instanceof ArchiveOpenError)) throw error;
    problem = { kind: error.reason, message: error.message };
  }
  let report: ArchiveReport | undefined;
  if (!problem && existsSync(file)) {
    const db = openSqlite(file, { readonly: true, fileMustExist: true });
    try {
      report = checkArchive(db);
    } finally {
      db.close();
    }
    if (!report.ok)
      problem = {
        kind: 'damaged',
        message: `The full integrity check found problems in ${file}: ${report.integrity.slice(0, 3).join('; ')}`,
      };
  }
  const backups = verifiedBackups(dataDir);
  const latestGood = backups.find((backup) => backup.ok);
  const setAsideDirs = existsSync(setAsideRoot(dataDir))
    ? readdirSync(setAsideRoot(dataDir))
        .sort()
        .map((name) => join(setAsideRoot(dataDir), name))
    : [];
  const ok = problem === undefined;
  if (context.json) {
    io.out(JSON.stringify({ file, ok, problem: problem ?? null, ...(report ?? {}), backups, setAside: setAsideDirs }));
    return ok;
  }
  io.out(`Archive: ${file}`);
  if (report) {
    io.out(`Schema: ${report.schemaVersion} (latest ${report.latestSchemaVersion}), journal ${report.journalMode}`);
    io.out(`Articles: ${report.articles}`);
    io.out(`Integrity: ${report.integrity.join('; ')}`);
    if (report.foreignKeyProblems > 0) io.out(`Foreign key problems: ${report.foreignKeyProblems}`);
  } else if (!problem) {
    io.out('There is no archive yet; one is made at first use.');
  }
  io.out(`Backups (${backupsDir(dataDir)}): ${backups.length === 0 ? 'none yet' : ''}`);
  for (const backup of backups) io.out(backupLine(backup));
  if (setAsideDirs.length > 0) {
    io.out('Set aside (damaged or replaced archives, kept untouched):');
    for (const dir of setAsideDirs) io.out(`  ${dir}`);
  }
  if (problem) {
    io.out('');
    io.out(`PROBLEM: ${problem.message}`);
    io.out('Nothing was changed. To recover:');
    if (latestGood)
      io.out(
        `  newsroom restore            puts back the latest good backup, ${latestGood.name} (${latestGood.articles} article(s))`,
      );
    io.out('  newsroom restore NAME       puts back the backup of that name');
    if (problem.kind === 'missing_wal' || problem.kind === 'stray_wal')
      io.out('  newsroom restore --as-is    keeps the archive file as it is, without the changes its log held');
    io.out(
      '  Either way the current archive is first moved into set-aside/, never deleted. Starting the editor does the same and offers the choice on screen.',
    );
  } else {
    io.out('The archive is healthy.');
  }
  return ok;
}

/** An online backup now, checked, into the backups folder. */
export async function backupNow(context: CommandContext): Promise<void> {
  const backup = await makeBackup(context.core.db, context.core.dataDir, 'manual');
  if (context.json)
    context.io.out(
      JSON.stringify({
        name: backup.name,
        file: backup.file,
        articles: backup.articles,
        bytes: backup.bytes,
        ok: backup.ok,
      }),
    );
  else context.io.out(`Backed up ${backup.articles} article(s) to ${backup.file} (integrity check: ok).`);
}

/**
 * Puts a backup in place of the archive (by name, or the latest good one). The archive there
 * now, healthy or not, is first moved into set-aside/; nothing is deleted.
 */
export function restoreBackup(context: DataDirContext, name: string | undefined): void {
  const { dataDir, io } = context;
  refuseWhileOpen(dataDir);
  const backups = verifiedBackups(dataDir);
  const chosen =
    name === undefined ? backups.find((backup) => backup.ok) : backups.find((backup) => backup.name === name);
  if (!chosen)
    throw new CliError(
      name === undefined
        ? `There is no good backup in ${backupsDir(dataDir)}.`
        : `There is no backup called ${name}; newsroom doctor lists them.`,
    );
  if (!chosen.ok)
    throw new CliError(`${chosen.name} is damaged itself (${chosen.problems.slice(0, 2).join('; ')}); choose another.`);
  const file = archivePath(dataDir);
  const setAsideDir =
    existsSync(file) || existsSync(`${file}-wal`)
      ? setAside(dataDir, 'replaced', `Replaced by the backup ${chosen.name} (newsroom restore).`)
      : undefined;
  installArchiveCopy(dataDir, chosen.file);
  if (context.json) {
    io.out(JSON.stringify({ restored: chosen.name, articles: chosen.articles, setAside: setAsideDir ?? null }));
    return;
  }
  io.out(`Restored ${chosen.name} (${chosen.articles} article(s)).`);
  if (setAsideDir) io.out(`The archive it replaced is kept in ${setAsideDir}.`);
}

/**
 * Keeps the archive file as it is when its log went missing or does not belong to it: the
 * files are set aside first, then the archive file alone is put back and opens from now on.
 */
export function keepArchiveAsIs(context: DataDirContext): void {
  const { dataDir, io } = context;
  refuseWhileOpen(dataDir);
  const problem = assessArchive(dataDir);
  if (problem?.kind !== 'missing_wal' && problem?.kind !== 'stray_wal') {
    throw new CliError(
      problem
        ? `${problem.message} The archive file itself cannot be kept as it is: restore a backup.`
        : 'The archive is healthy: there is nothing to keep as it is.',
    );
  }
  const setAsideDir = setAside(dataDir, problem.kind, `${problem.message}\nKept as it is (newsroom restore --as-is).`);
  const kept = setAsideArchive(setAsideDir);
  if (!kept) throw new CliError(`There was no archive file to keep; the files are in ${setAsideDir}.`);
  installArchiveCopy(dataDir, kept);
  forgetLedgerNote(dataDir);
  if (context.json) {
    io.out(JSON.stringify({ keptAsIs: true, setAside: setAsideDir }));
    return;
  }
  io.out(`The archive opens as it is now; the changes that were only in its log are not in it.`);
  io.out(`The files as they were are kept in ${setAsideDir}.`);
}

export const archiveCommands: readonly CliCommand[] = [
  {
    name: ['doctor'],
    usage: 'doctor',
    summary: 'check the archive (full integrity check), list backups; changes nothing',
    archive: 'own',
    run: (context) => doctor(context),
  },
  {
    name: ['backup'],
    usage: 'backup',
    summary: "an online backup now, checked, into the data folder's backups/",
    archive: 'open',
    maintenance:
      "SQLite's backup API on the open connection; backups are the archive's own business, not the contract's",
    run: (context) => backupNow(context),
  },
  {
    name: ['restore'],
    usage: 'restore [NAME] [--as-is]',
    summary:
      'put back a backup (default: the latest good one); the current archive is moved into\nset-aside/ first, never deleted. --as-is: keep the archive file as it is, without the log it\nlost (what doctor offers when changes are missing)',
    options: ['as-is'],
    archive: 'own',
    run: (context, { values, args }) => (values['as-is'] ? keepArchiveAsIs(context) : restoreBackup(context, args[0])),
  },
];
