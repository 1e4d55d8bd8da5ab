import type { Database } from 'better-sqlite3';
import type { DeskConnection } from '../../../shared/desk/status';
import { CoreError } from '../CoreError';
import { deskClient } from './deskClient';
import { readDeskLink, requireDeskLink } from './deskLink';
import { writeDeskState } from './deskState';
import { listenToDesk } from './deskEvents';
import type { SyncReport } from './syncRound';
import { syncRound } from './syncRound';

export interface SyncRunnerOptions {
  /** After a save, wait this long for the next before a round (a burst of typing sends once). */
  settleMs?: number;
  /** The first retry after a failure; each next one waits twice as long, up to `retryMaxMs`. */
  retryMs?: number;
  retryMaxMs?: number;
  /** A round this often even when nothing was heard (the event stream is a hint, not the truth). */
  pollMs?: number;
  log?: (message: string) => void;
}

/**
 * Every round of sync on one archive goes through here, one at a time: the CLI's `sync`, the
 * contract's desk.sync, and, in the editor's shells, the background: a round soon after a
 * save, when the desk says something changed, every few minutes, and after a failure again and
 * again with growing waits, while the laptop keeps saving locally.
 */
export interface SyncRunner {
  /** One round now (after the one running, if any). */
  round: () => Promise<SyncReport>;
  /** After any contract call: a round soon if something new waits for the desk. */
  afterCall: () => void;
  /** The desk link was made or forgotten: start or stop listening. */
  linkChanged: () => void;
  connection: () => DeskConnection;
  /** Sync in the background from now on (the shells). */
  startBackground: () => void;
  /** No more rounds; waits for the running one. */
  stop: () => Promise<void>;
}

const quietCodes = new Set(['desk_not_joined', 'desk_signed_out']);

export function syncRunner(db: Database, dataDir: string, options: SyncRunnerOptions = {}): SyncRunner {
  const { settleMs = 300, retryMs = 1_000, retryMaxMs = 60_000, pollMs = 300_000 } = options;
  let chain: Promise<unknown> = Promise.resolve();
  let background = false;
  let stopped = false;
  let syncing = 0;
  let online = false;
  let error: DeskConnection['error'] = null;
  let failures = 0;
  let retryAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastQueued = 0;
  let events: { close: () => void } | undefined;
  // The outboxes' AUTOINCREMENT counters only grow (their rows go once sent): their sum grows
  // with every row queued, whichever outbox it is in.
  const newestQueued = db.prepare<[], { seq: number | null }>(
    `SELECT coalesce(sum(seq), 0) AS seq FROM sqlite_sequence WHERE name IN ('desk_outbox', 'desk_photo_outbox')`,
  );

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void backgroundRound(), ms);
    timer.unref();
  };

  const run = async (): Promise<SyncReport> => {
    const link = requireDeskLink(dataDir);
    syncing += 1;
    try {
      const report = await syncRound(db, dataDir, deskClient(link.url, link.token));
      writeDeskState(db, 'lastSyncedAt', new Date().toISOString());
      online = true;
      error = null;
      failures = 0;
      return report;
    } catch (failure) {
      if (failure instanceof CoreError) error = { code: failure.code, message: failure.message };
      else error = { code: 'desk_failed', message: failure instanceof Error ? failure.message : String(failure) };
      online = false;
      failures += 1;
      throw failure;
    } finally {
      syncing -= 1;
    }
  };

  const round = (): Promise<SyncReport> => {
    const next = chain.then(run);
    chain = next.catch(() => undefined);
    return next;
  };

  async function backgroundRound(): Promise<void> {
    if (stopped || !background) return;
    retryAt = undefined;
    try {
      const report = await round();
      listen();
      // A save made while the round ran asked for a round that this one's end must not put off.
      schedule(report.waiting > 0 ? settleMs : pollMs);
    } catch (failure) {
      if (stopped) return;
      const code = failure instanceof CoreError ? failure.code : 'desk_failed';
      // Signed out or not joined: nothing to retry until the user joins again.
      if (quietCodes.has(code)) return;
      const wait = Math.min(retryMaxMs, retryMs * 2 ** (failures - 1));
      retryAt = Date.now() + wait;
      options.log?.(`Sync failed (${code}); next try in ${Math.round(wait / 1000)} s. Everything stays saved here.`);
      schedule(wait);
    }
  }

  function listen(): void {
    if (events || stopped || !background) return;
    const link = readDeskLink(dataDir);
    if (!link) return;
    events = listenToDesk(link.url, link.token, {
      changed: () => schedule(settleMs),
      // The stream may have missed changes while it was down: a round, which retries as rounds do.
      ended: () => {
        events = undefined;
        if (!stopped && background) schedule(Math.min(retryMaxMs, retryMs * 2 ** failures));
      },
    });
  }

  return {
    round,
    afterCall: () => {
      if (!background || stopped) return;
      const newest = newestQueued.get()?.seq ?? 0;
      if (newest <= lastQueued) return;
      lastQueued = newest;
      // A failed desk is not asked again at every keystroke: the retry's own time stands.
      if (retryAt === undefined) schedule(settleMs);
    },
    linkChanged: () => {
      events?.close();
      events = undefined;
      failures = 0;
      error = null;
      online = false;
      if (background && !stopped) schedule(0);
    },
    connection: () => ({
      background,
      online: online || events !== undefined,
      syncing: syncing > 0,
      error,
      retryAt: retryAt === undefined ? null : new Date(retryAt).toISOString(),
    }),
    startBackground: () => {
      if (background || stopped) return;
      background = true;
      lastQueued = newestQueued.get()?.seq ?? 0;
      schedule(0);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      events?.close();
      await chain;
    },
  };
}
