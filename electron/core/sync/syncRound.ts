import type { Database } from 'better-sqlite3';
import { applyPulled } from './applyPulled';
import { applyPulledSettings, pushSettings } from './deskSettings';
import { readDeskState, writeDeskState } from './deskState';
import type { DeskClient } from './deskClient';
import type { SettleReport } from './outbox';
import { prepareOutbox, settleOutbox } from './outbox';

export interface SyncReport extends SettleReport {
  pushed: number;
  pulled: { created: number; updated: number; kept: number };
  waiting: number;
}

/** How many articles wait to be sent to the desk. */
export const waitingCount = (db: Database): number =>
  db.prepare<[], { n: number }>('SELECT count(DISTINCT article_id) AS n FROM desk_outbox').get()?.n ?? 0;

/**
 * One round: every queued change is pushed in order (a failure leaves the rest queued, to be
 * resent with the same mutation ids), then every change on the desk since the cursor is pulled.
 */
export async function syncRound(db: Database, client: DeskClient): Promise<SyncReport> {
  const report: SyncReport = {
    pushed: 0,
    applied: 0,
    merged: 0,
    conflicts: 0,
    refused: [],
    pulled: { created: 0, updated: 0, kept: 0 },
    waiting: 0,
  };
  await pushSettings(db, client);
  for (const row of prepareOutbox(db)) {
    const outcomes = await client.push(row.mutations);
    settleOutbox(db, row.seq, row.mutations, outcomes, report);
    report.pushed += row.mutations.length;
  }
  let cursor = Number(readDeskState(db, 'cursor') ?? '0');
  for (;;) {
    const page = await client.pull(cursor, 500);
    // A page in one transaction (each article a savepoint in it): a first sync of a large desk
    // commits once a page, not once an article.
    db.transaction(() => {
      for (const change of page.changes) {
        const result = applyPulled(db, change.article);
        if (result !== 'known') report.pulled[result] += 1;
      }
      applyPulledSettings(db, page);
    }).immediate();
    cursor = page.cursor;
    writeDeskState(db, 'cursor', String(cursor));
    if (!page.more) break;
  }
  report.waiting = waitingCount(db);
  return report;
}
