import type { Database } from 'better-sqlite3';
import { applyPulled } from './applyPulled';
import { applyPulledSettings, pushSettings } from './deskSettings';
import { readDeskLink } from './deskLink';
import { readDeskState, writeDeskState } from './deskState';
import type { DeskClient } from './deskClient';
import type { SettleReport } from './outbox';
import { prepareOutbox, settleOutbox } from './outbox';
import { sendOriginals } from './originals';
import { applyPulledPhoto, preparePhotoOutbox, settlePhoto } from './photoSync';

export interface SyncReport extends SettleReport {
  pushed: number;
  pulled: { created: number; updated: number; kept: number };
  /** Photo records pulled, and originals sent to the desk. */
  photos: { pulled: number; originalsSent: number };
  waiting: number;
}

/** How many articles and photos wait to be sent to the desk. */
export const waitingCount = (db: Database): number =>
  db
    .prepare<[], { n: number }>(
      `SELECT (SELECT count(DISTINCT article_id) FROM desk_outbox) + (SELECT count(DISTINCT photo_id) FROM desk_photo_outbox) AS n`,
    )
    .get()?.n ?? 0;

/**
 * One round: every queued change is pushed in order (a failure leaves the rest queued, to be
 * resent with the same mutation ids), photos first (each original before its record) so the
 * articles that show them find them; then every change on the desk since the cursor is pulled.
 */
export async function syncRound(db: Database, dataDir: string, client: DeskClient): Promise<SyncReport> {
  const report: SyncReport = {
    pushed: 0,
    applied: 0,
    merged: 0,
    conflicts: 0,
    refused: [],
    refusedPhotos: [],
    pulled: { created: 0, updated: 0, kept: 0 },
    photos: { pulled: 0, originalsSent: 0 },
    waiting: 0,
  };
  await pushSettings(db, client);
  const photos = preparePhotoOutbox(db);
  report.photos.originalsSent = await sendOriginals(db, dataDir, client, photos);
  for (let at = 0; at < photos.length; at += 200) {
    const batch = photos.slice(at, at + 200);
    const outcomes = await client.push(batch.map((queued) => queued.mutation));
    batch.forEach((queued, index) => settlePhoto(db, queued, outcomes[index], report));
    report.pushed += batch.length;
  }
  for (const row of prepareOutbox(db)) {
    const outcomes = await client.push(row.mutations);
    settleOutbox(db, row.seq, row.mutations, outcomes, report);
    report.pushed += row.mutations.length;
  }
  let cursor = Number(readDeskState(db, 'cursor') ?? '0');
  const me = readDeskLink(dataDir)?.user ?? '';
  let received = false;
  for (;;) {
    const page = await client.pull(cursor, 500);
    // A page in one transaction (each article a savepoint in it): a first sync of a large desk
    // commits once a page, not once an article.
    db.transaction(() => {
      for (const change of page.photos ?? [])
        if (applyPulledPhoto(db, change.photo) !== 'known') report.photos.pulled += 1;
      for (const change of page.changes) {
        const result = applyPulled(db, change.article, me);
        if (result !== 'known') report.pulled[result] += 1;
      }
      applyPulledSettings(db, page);
    }).immediate();
    cursor = page.cursor;
    writeDeskState(db, 'cursor', String(cursor));
    if (page.settings) received = true;
    if (!page.more) break;
  }
  const { created, updated, kept } = report.pulled;
  // The page follows this, not every round: a round that brought nothing asks it for nothing.
  if (received || created + updated + kept + report.photos.pulled > 0)
    writeDeskState(db, 'receivedAt', new Date().toISOString());
  report.waiting = waitingCount(db);
  return report;
}
