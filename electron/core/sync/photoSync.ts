import type { Database } from 'better-sqlite3';
import type { DeskPhoto, PhotoFile, PhotoMutation, PushOutcome } from '../../../shared/desk/protocol';
import { canonical } from '../../../shared/desk/canonical';
import type { PhotoMeta } from '../../../shared/photos/photo';
import { emptyPhotoMeta, photoMetaKeys, photoMetaOf } from '../../../shared/photos/photo';
import { findPhoto, insertPhoto, writePhotoMeta } from '../photos/photoStore';
import type { SettleReport } from './outbox';
import { asTheDesk } from './deskState';
import { uuidv7 } from './uuidv7';

interface DeskPhotoRow {
  photo_id: string;
  desk_version: number;
  base: string;
  original_on_desk: number;
}

function link(db: Database, photoId: string): DeskPhotoRow {
  const found = db.prepare<[string], DeskPhotoRow>('SELECT * FROM desk_photos WHERE photo_id = ?').get(photoId);
  if (found) return found;
  const row = { photo_id: photoId, desk_version: 0, base: JSON.stringify(emptyPhotoMeta()), original_on_desk: 0 };
  db.prepare('INSERT INTO desk_photos (photo_id, desk_version, base, original_on_desk) VALUES (?, ?, ?, ?)').run(
    row.photo_id,
    row.desk_version,
    row.base,
    row.original_on_desk,
  );
  return row;
}

export interface QueuedPhoto {
  seq: number;
  mutation: PhotoMutation;
  /** Whether the desk has the original (else it goes first). */
  originalOnDesk: boolean;
  file: PhotoFile;
}

/**
 * Freezes the mutation of each queued photo: its fields that differ from the desk's record it
 * last saw, and the file's facts the first time. A frozen row is resent as it is until answered.
 */
export function preparePhotoOutbox(db: Database): QueuedPhoto[] {
  return db
    .transaction(() => {
      const rows = db
        .prepare<[], { seq: number; photo_id: string; mutation: string | null }>(
          'SELECT seq, photo_id, mutation FROM desk_photo_outbox ORDER BY seq',
        )
        .all();
      const frozen = new Set(rows.filter((row) => row.mutation !== null).map((row) => row.photo_id));
      const ready: QueuedPhoto[] = [];
      for (const row of rows) {
        const photo = findPhoto(db, row.photo_id);
        if (!photo || (row.mutation === null && frozen.has(row.photo_id))) {
          if (!photo) db.prepare('DELETE FROM desk_photo_outbox WHERE seq = ?').run(row.seq);
          continue;
        }
        const file: PhotoFile = {
          originalName: photo.originalName,
          format: photo.format,
          width: photo.width,
          height: photo.height,
          bytes: photo.bytes,
          importedAt: photo.importedAt,
        };
        const desk = link(db, row.photo_id);
        const originalOnDesk = desk.original_on_desk === 1;
        if (row.mutation !== null) {
          ready.push({ seq: row.seq, mutation: JSON.parse(row.mutation) as PhotoMutation, originalOnDesk, file });
          continue;
        }
        const base = photoMetaOf(JSON.parse(desk.base) as Partial<PhotoMeta>);
        const meta = photoMetaOf(photo);
        const fields = Object.fromEntries(
          photoMetaKeys.filter((key) => canonical(base[key]) !== canonical(meta[key])).map((key) => [key, meta[key]]),
        );
        if (Object.keys(fields).length === 0 && desk.desk_version > 0) {
          db.prepare('DELETE FROM desk_photo_outbox WHERE seq = ?').run(row.seq);
          continue;
        }
        const mutation: PhotoMutation = {
          kind: 'photo.save',
          mutationId: uuidv7(),
          photoId: row.photo_id,
          baseVersion: desk.desk_version,
          ...(desk.desk_version === 0 ? { file } : {}),
          fields,
        };
        db.prepare('UPDATE desk_photo_outbox SET mutation = ? WHERE seq = ?').run(JSON.stringify(mutation), row.seq);
        frozen.add(row.photo_id);
        ready.push({ seq: row.seq, mutation, originalOnDesk, file });
      }
      return ready;
    })
    .immediate();
}

export const markOriginalOnDesk = (db: Database, photoId: string): void => {
  db.prepare('UPDATE desk_photos SET original_on_desk = 1 WHERE photo_id = ?').run(photoId);
};

/** Records the desk's answer to a photo's mutation and removes it from the outbox. */
export function settlePhoto(
  db: Database,
  queued: QueuedPhoto,
  outcome: PushOutcome | undefined,
  report: SettleReport,
): void {
  if (!outcome) return;
  db.transaction(() => {
    const { mutation } = queued;
    if (outcome.outcome === 'refused') {
      report.refusedPhotos.push({ photoId: mutation.photoId, rule: outcome.rule, message: outcome.message });
      db.prepare('INSERT INTO desk_photo_refusals (photo_id, rule, message, at) VALUES (?, ?, ?, ?)').run(
        mutation.photoId,
        outcome.rule,
        outcome.message,
        new Date().toISOString(),
      );
      // Without its original on the desk, the photo is sent again (file first) on the next round.
      if (outcome.rule === 'missing-original')
        db.prepare('UPDATE desk_photos SET original_on_desk = 0 WHERE photo_id = ?').run(mutation.photoId);
    } else {
      report[outcome.outcome === 'conflict' ? 'conflicts' : outcome.outcome] += 1;
      // Applied: the base is what was sent. Merged or in conflict: the pull that follows brings the desk's.
      if (outcome.outcome === 'applied') {
        const desk = link(db, mutation.photoId);
        const base = { ...(JSON.parse(desk.base) as PhotoMeta), ...mutation.fields };
        db.prepare('UPDATE desk_photos SET desk_version = ?, base = ? WHERE photo_id = ?').run(
          outcome.version,
          JSON.stringify(photoMetaOf(base)),
          mutation.photoId,
        );
      }
    }
    db.prepare('DELETE FROM desk_photo_outbox WHERE seq = ?').run(queued.seq);
  })();
}

/**
 * Writes a photo record as the desk has it. Fields edited here and not yet on the desk stay as
 * they are (they go to the desk on the next push, which merges them there); the others take the
 * desk's values. A photo new to this laptop gets its record only: its original is fetched when needed.
 */
export function applyPulledPhoto(db: Database, pulled: DeskPhoto): 'created' | 'updated' | 'known' {
  return asTheDesk(db, () => {
    const desk = photoMetaOf(pulled.meta);
    const local = findPhoto(db, pulled.id);
    const known = db.prepare<[string], DeskPhotoRow>('SELECT * FROM desk_photos WHERE photo_id = ?').get(pulled.id);
    if (known && pulled.version <= known.desk_version) return 'known';
    const remember = () =>
      db
        .prepare(
          `INSERT INTO desk_photos (photo_id, desk_version, base, original_on_desk) VALUES (?, ?, ?, 1)
             ON CONFLICT (photo_id) DO UPDATE SET desk_version = excluded.desk_version, base = excluded.base,
               original_on_desk = 1`,
        )
        .run(pulled.id, pulled.version, JSON.stringify(desk));
    if (!local) {
      insertPhoto(db, { id: pulled.id, ...pulled.file, updatedAt: pulled.updatedAt }, desk);
      remember();
      return 'created';
    }
    const pending =
      (db
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM desk_photo_outbox WHERE photo_id = ?')
        .get(pulled.id)?.n ?? 0) > 0;
    const base = photoMetaOf(JSON.parse(known?.base ?? JSON.stringify(emptyPhotoMeta())) as Partial<PhotoMeta>);
    const mine = photoMetaOf(local);
    const next = photoMetaOf(
      Object.fromEntries(
        photoMetaKeys.map((key) => [
          key,
          pending && canonical(mine[key]) !== canonical(base[key]) ? mine[key] : desk[key],
        ]),
      ),
    );
    if (canonical(next) !== canonical(mine)) writePhotoMeta(db, pulled.id, next, local.originalName, pulled.updatedAt);
    remember();
    return 'updated';
  });
}
