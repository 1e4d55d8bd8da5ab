import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { Block } from '../../../shared/article/article';
import type { Photo, PhotoChanges, PhotoFilter, PhotoFormat, PhotoMeta, PhotoPage } from '../../../shared/photos/photo';
import {
  applyTemplate,
  cleanText,
  emptyPhotoMeta,
  maxKeywordLength,
  photoFieldLimits,
  photoMetaOf,
  photoTextFields,
} from '../../../shared/photos/photo';
import { exactForm, foldedForm } from '../../../shared/search/query';
import { cached } from '../archive/statements';
import { CoreError } from '../CoreError';
import { registerNames } from '../archive/peopleStore';

export const photosDir = (dataDir: string): string => join(dataDir, 'photos');
const extensions: Record<PhotoFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', tiff: 'tif' };
export const renditionKinds = ['thumb', 'preview'] as const;
export type RenditionKind = (typeof renditionKinds)[number];

/** Where a photo's files live: content-addressed, two-level fan-out, names built from the id only. */
export function originalPath(dataDir: string, id: string, format: PhotoFormat): string {
  return join(photosDir(dataDir), 'originals', id.slice(0, 2), `${id}.${extensions[format]}`);
}
export function renditionPath(dataDir: string, id: string, kind: RenditionKind): string {
  return join(photosDir(dataDir), 'renditions', id.slice(0, 2), `${id}-${kind}.webp`);
}

interface PhotoRow {
  id: string;
  original_name: string;
  format: PhotoFormat;
  width: number;
  height: number;
  bytes: number;
  imported_at: string;
  updated_at: string;
  version: number;
  meta: string;
  used_in: string | null;
}

const rowToPhoto = (row: PhotoRow): Photo => ({
  ...emptyPhotoMeta(),
  ...(JSON.parse(row.meta) as Partial<PhotoMeta>),
  id: row.id,
  originalName: row.original_name,
  format: row.format,
  width: row.width,
  height: row.height,
  bytes: row.bytes,
  importedAt: row.imported_at,
  updatedAt: row.updated_at,
  version: row.version,
  usedIn: row.used_in ? row.used_in.split(',').map(Number) : [],
});

const selectPhoto = `SELECT photos.*, (SELECT group_concat(article_id) FROM photo_uses WHERE photo_id = photos.id) AS used_in FROM photos`;

export function getPhoto(db: Database, id: string): Photo {
  const row = db.prepare<[string], PhotoRow>(`${selectPhoto} WHERE id = ?`).get(id);
  if (!row) throw new CoreError('not_found', `There is no photo ${id.slice(0, 12)}….`);
  return rowToPhoto(row);
}

export function findPhoto(db: Database, id: string): Photo | undefined {
  const row = db.prepare<[string], PhotoRow>(`${selectPhoto} WHERE id = ?`).get(id);
  return row ? rowToPhoto(row) : undefined;
}

/** Caption, credit and keywords in the two forms article search uses: exact (NFC, one tone style, lower case) and folded. */
export function photoSearchTexts(meta: PhotoMeta, name: string): { exact: string; folded: string } {
  const text = [
    meta.description,
    meta.headline,
    meta.creator,
    meta.creditLine,
    meta.source,
    meta.city,
    meta.keywords.join(' '),
    meta.altText,
    name,
  ].join(' \u0001 ');
  return { exact: exactForm(text), folded: foldedForm(text) };
}

/** Rebuilds the search texts left empty (schema 8 asks for it, through migrate): derived text, made with today's forms. */
export function rebuildPhotoSearchTexts(db: Database): number {
  const stale = db
    .prepare<[], { id: string; original_name: string; meta: string }>(
      "SELECT id, original_name, meta FROM photos WHERE search_exact = ''",
    )
    .all();
  if (stale.length === 0) return 0;
  const update = db.prepare('UPDATE photos SET search_exact = ?, search_folded = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of stale) {
      const texts = photoSearchTexts(
        { ...emptyPhotoMeta(), ...(JSON.parse(row.meta) as Partial<PhotoMeta>) },
        row.original_name,
      );
      update.run(texts.exact, texts.folded, row.id);
    }
  })();
  return stale.length;
}

/** Keeps the article's photo uses in step with the figures in its body (called in the save's transaction). */
export function recordPhotoUses(db: Database, articleId: number, body: readonly Block[]): void {
  cached(db, 'DELETE FROM photo_uses WHERE article_id = ?').run(articleId);
  const insert = cached(db, 'INSERT OR IGNORE INTO photo_uses (article_id, photo_id) VALUES (?, ?)');
  for (const block of body) if (block.type === 'figure') insert.run(articleId, block.photoId);
}

export interface PhotoQuery {
  filter?: PhotoFilter;
  articleId?: number;
  query?: string;
  sort?: 'newest' | 'oldest' | 'taken';
  offset?: number;
  limit?: number;
}

/** The library: filters, search over caption, credit and keywords (with or without marks), sorted, a page at a time. */
export function listPhotos(db: Database, query: PhotoQuery = {}): PhotoPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  switch (query.filter ?? 'all') {
    case 'missing-credit':
      where.push(`trim(json_extract(meta, '$.creator')) = '' AND trim(json_extract(meta, '$.creditLine')) = ''`);
      break;
    case 'missing-alt':
      where.push(`trim(json_extract(meta, '$.altText')) = ''`);
      break;
    case 'unused':
      where.push('NOT EXISTS (SELECT 1 FROM photo_uses WHERE photo_id = photos.id)');
      break;
    case 'in-article':
      where.push('EXISTS (SELECT 1 FROM photo_uses WHERE photo_id = photos.id AND article_id = ?)');
      params.push(query.articleId ?? 0);
      break;
    default:
      break;
  }
  for (const term of (query.query ?? '').split(/\s+/).filter(Boolean)) {
    // With marks, the marks must match (either tone style); without, "duong" finds "Đường" and "dương".
    const marked = foldedForm(term) !== exactForm(term);
    where.push(`instr(${marked ? 'search_exact' : 'search_folded'}, ?) > 0`);
    params.push(marked ? exactForm(term) : foldedForm(term));
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order =
    query.sort === 'oldest'
      ? 'imported_at ASC, id'
      : query.sort === 'taken'
        ? `json_extract(meta, '$.dateCreated') DESC, imported_at DESC`
        : 'imported_at DESC, id';
  const total = (db.prepare(`SELECT count(*) AS n FROM photos ${clause}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare<unknown[], PhotoRow>(`${selectPhoto} ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, query.limit ?? 200, query.offset ?? 0);
  return { total, photos: rows.map(rowToPhoto) };
}

/** A photo's record, new to this laptop (imported here, or pulled from the desk): its file's facts and metadata. */
export function insertPhoto(
  db: Database,
  photo: Pick<Photo, 'id' | 'originalName' | 'format' | 'width' | 'height' | 'bytes' | 'importedAt' | 'updatedAt'>,
  meta: PhotoMeta,
): void {
  const search = photoSearchTexts(meta, photo.originalName);
  cached(
    db,
    `INSERT INTO photos (id, original_name, format, width, height, bytes, imported_at, updated_at, version, meta, search_exact, search_folded)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(
    photo.id,
    photo.originalName,
    photo.format,
    photo.width,
    photo.height,
    photo.bytes,
    photo.importedAt,
    photo.updatedAt,
    JSON.stringify(meta),
    search.exact,
    search.folded,
  );
}

/** A photo's metadata as its next version, with its search texts. */
export function writePhotoMeta(db: Database, id: string, meta: PhotoMeta, originalName: string, at: string): void {
  const search = photoSearchTexts(meta, originalName);
  cached(
    db,
    'UPDATE photos SET meta = ?, search_exact = ?, search_folded = ?, version = version + 1, updated_at = ? WHERE id = ?',
  ).run(JSON.stringify(meta), search.exact, search.folded, at, id);
}

/**
 * Edits one or many photos at once. Each value may be a template: {creator}, {date}, {city}…
 * are filled from each photo in turn. Values are cleaned, NFC and capped like imported ones.
 */
export function updatePhotos(db: Database, ids: readonly string[], changes: PhotoChanges): Photo[] {
  return db
    .transaction(() => {
      const at = new Date().toISOString();
      const updated = ids.map((id) => {
        const photo = getPhoto(db, id);
        const meta: PhotoMeta = { ...emptyPhotoMeta(), ...photo };
        for (const field of photoTextFields) {
          const value = changes[field];
          if (value !== undefined) meta[field] = cleanText(applyTemplate(value, photo), photoFieldLimits[field]);
        }
        if (changes.keywords)
          meta.keywords = [
            ...new Set(changes.keywords.map((keyword) => cleanText(keyword, maxKeywordLength)).filter(Boolean)),
          ];
        writePhotoMeta(db, id, photoMetaOf(meta), photo.originalName, at);
        return getPhoto(db, id);
      });
      registerNames(
        db,
        updated.map((photo) => photo.creator),
      );
      return updated;
    })
    .immediate();
}
