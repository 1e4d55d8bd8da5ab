import type { Database } from 'better-sqlite3';
import type { ArchiveStatus } from '../../shared/archive/status';
import { methodNames } from '../../shared/api/methodNames';
import { backupIfStale, listBackups, makeBackup } from './archive/backups';
import { latestVersion, migrate } from './archive/migrate';
import { openArchive } from './archive/openArchive';
import type { OpenArchiveOptions } from './archive/openArchive';
import { keepLedger } from './archive/changeLedger';
import type { LedgerKeeper } from './archive/changeLedger';
import {
  assessArchive,
  installArchiveCopy,
  markSession,
  setAside,
  setAsideArchive,
  verifiedBackups,
} from './archive/recovery';
import type { ArchiveProblem } from './archive/recovery';
import { ArchiveOpenError, CoreError } from './CoreError';
import { createCore } from './createCore';
import type { SyncRunner } from './sync/syncRunner';
import { syncRunner } from './sync/syncRunner';
import type { CoreOptions, Handlers } from './createCore';
import { archivePath, ensureWritableDataDir } from './dataDir';

export interface ArchiveServiceOptions {
  archive?: OpenArchiveOptions;
  core?: CoreOptions;
  /**
   * The editor (desktop or browser edition): a damaged archive is moved aside and the app
   * starts in recovery, offering the latest good backup. Without it (the CLI) a damaged
   * archive is refused, untouched, and doctor says what to do.
   */
  recover?: boolean;
  /** Back up at start when the newest backup is older than a day. */
  dailyBackup?: boolean;
  /** The desktop shell: photos may be imported by path. */
  allowPathImport?: boolean;
  /** The editor's shells: sync with the desk in the background, whenever it is reachable. */
  backgroundSync?: boolean;
  /** Where background work (the daily backup, sync) reports failures. */
  log?: (message: string) => void;
}

export interface ArchiveService {
  dataDir: string;
  /** Every contract method; while recovering, the article methods answer archive_problem. */
  handlers: Handlers;
  status: () => ArchiveStatus;
  /** The open archive, or undefined while recovering. */
  db: () => Database | undefined;
  /** Notes the archive's change count after work done on db() outside the handlers. */
  noteChanges: () => void;
  close: () => void;
}

interface Open {
  db: Database;
  handlers: Handlers;
  ledger: LedgerKeeper;
  sync: SyncRunner;
  unmark: () => void;
}

/**
 * Every handler notes the archive's change count after it returns, before the shell
 * acknowledges, and tells the sync runner (a save sends itself to the desk soon).
 */
function noting(handlers: Handlers, ledger: LedgerKeeper, sync: SyncRunner): Handlers {
  const after = () => {
    ledger.note();
    sync.afterCall();
  };
  const wrap =
    (handler: (input: never) => unknown) =>
    (input: never): unknown => {
      let result: unknown;
      try {
        result = handler(input);
      } catch (error) {
        after();
        throw error;
      }
      if (result instanceof Promise) return result.finally(after);
      after();
      return result;
    };
  return Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [method, wrap(handler as (input: never) => unknown)]),
  ) as unknown as Handlers;
}

/** Opens the archive, backing it up first when a migration is due. */
async function openHealthy(dataDir: string, options: ArchiveServiceOptions): Promise<Open> {
  // Every way here has checked the file already: assessArchive, a verified backup, or none at all.
  const db = openArchive(archivePath(dataDir), { ...options.archive, migrate: false, inspected: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < latestVersion(options.archive?.migrations))
      await makeBackup(db, dataDir, 'before-migration');
    // A migration is folded into the file at once, so the file alone is never older than its schema.
    if (migrate(db, options.archive?.migrations) !== version) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    db.close();
    throw error;
  }
  const ledger = keepLedger(db, dataDir);
  const unmark = markSession(dataDir);
  if (options.dailyBackup) {
    void backupIfStale(db, dataDir).catch((error: unknown) =>
      options.log?.(`The daily backup failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  const sync = syncRunner(db, dataDir, { log: options.log });
  const handlers = createCore(db, { dataDir, allowPathImport: options.allowPathImport, ...options.core, sync });
  if (options.backgroundSync) sync.startBackground();
  return { db, handlers: noting(handlers, ledger, sync), ledger, sync, unmark };
}

function recoveryStatus(dataDir: string, problem: ArchiveProblem, setAsideDir: string): ArchiveStatus {
  return {
    state: 'recovery',
    problem,
    setAsideDir,
    backups: verifiedBackups(dataDir).map(({ name, createdAt, reason, articles, ok }) => ({
      name,
      createdAt,
      reason,
      articles,
      ok,
    })),
    canUseSetAside:
      (problem.kind === 'stray_wal' || problem.kind === 'missing_wal') && setAsideArchive(setAsideDir) !== undefined,
  };
}

/**
 * The archive of a data folder as the shells use it: checked at start, backed up before
 * migrations and daily, and, when found damaged, moved aside (never overwritten) with the
 * user offered a way back that keeps their work.
 */
export async function startArchive(dataDir: string, options: ArchiveServiceOptions = {}): Promise<ArchiveService> {
  ensureWritableDataDir(dataDir);
  let open: Open | undefined;
  let recovery: Extract<ArchiveStatus, { state: 'recovery' }> | undefined;

  const problem = assessArchive(dataDir, options.archive);
  if (problem && !options.recover) {
    throw new ArchiveOpenError(
      problem.kind === 'not_sqlite' ? 'not_sqlite' : 'damaged',
      archivePath(dataDir),
      `${problem.message} Nothing was changed; run newsroom doctor to see the backups and how to recover.`,
    );
  }
  if (problem) {
    const dir = setAside(dataDir, problem.kind, problem.message);
    const status = recoveryStatus(dataDir, problem, dir);
    if (status.state === 'recovery') recovery = status;
  } else {
    open = await openHealthy(dataDir, options);
  }

  const status = (): ArchiveStatus => (open ? { state: 'open', file: open.db.name } : (recovery as ArchiveStatus));

  const recover = async (action: string, backup: string | undefined): Promise<ArchiveStatus> => {
    if (open || !recovery)
      throw new CoreError('validation', 'The archive is open and healthy: there is nothing to recover.');
    if (action === 'restore-backup') {
      const chosen = listBackups(dataDir).find((candidate) => candidate.name === backup);
      if (!chosen) throw new CoreError('not_found', `There is no backup called ${backup ?? '(none given)'}.`);
      try {
        installArchiveCopy(dataDir, chosen.file);
      } catch (error) {
        throw new CoreError('storage', error instanceof Error ? error.message : String(error));
      }
    } else if (action === 'use-set-aside') {
      const file = setAsideArchive(recovery.setAsideDir);
      if (!recovery.canUseSetAside || !file)
        throw new CoreError(
          'validation',
          'The archive that was set aside is damaged itself: restore a backup or start empty.',
        );
      try {
        installArchiveCopy(dataDir, file);
      } catch (error) {
        throw new CoreError('storage', error instanceof Error ? error.message : String(error));
      }
    }
    open = await openHealthy(dataDir, options);
    recovery = undefined;
    return status();
  };

  const unavailable = (): never => {
    throw new CoreError(
      'archive_problem',
      `The archive is not open: ${recovery?.problem.message ?? ''} Choose how to recover first.`,
    );
  };
  const handlers = Object.fromEntries(
    methodNames.map((method) => [
      method,
      (input: never) => {
        if (method === 'archive.status') return status();
        if (method === 'archive.recover') {
          const { action, backup } = input as { action: string; backup?: string };
          return recover(action, backup);
        }
        if (!open) return unavailable();
        return (open.handlers[method] as (input: never) => unknown)(input);
      },
    ]),
  ) as unknown as Handlers;

  return {
    dataDir,
    handlers,
    status,
    db: () => open?.db,
    noteChanges: () => open?.ledger.note(),
    close: () => {
      if (!open?.db.open) return;
      // A round cut short by the close is resent, with the same mutation ids, at the next start.
      void open.sync.stop();
      open.ledger.note();
      open.db.close();
      open.ledger.close();
      open.unmark();
    },
  };
}
