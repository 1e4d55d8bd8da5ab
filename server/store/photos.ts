import { createHash } from 'node:crypto';
import type { DeskClient } from '../db/database';
import { mergePhoto } from '../../shared/desk/mergePhoto';
import type { DeskPhoto, PhotoMutation } from '../../shared/desk/protocol';
import { photoRefusalFor, refusalMessage } from '../../shared/desk/roles';
import type { PhotoMeta } from '../../shared/photos/photo';
import { emptyPhotoMeta } from '../../shared/photos/photo';
import type { Applied } from './once';
import { statement } from './statement';
import type { Actor } from './users';

/**
 * A photo's id on the desk: a UUID (version 8, RFC 9562) made from its SHA-256, so the change
 * log keys it like any entity and the same photo sent from two laptops is one record.
 */
export function photoUuid(sha256: string): string {
  const hex = createHash('sha256').update(`newsroom-photo:${sha256}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

interface PhotoRow {
  id: string;
  version: number;
  meta: PhotoMeta;
  created_by: string;
  updated_by: string;
}

const photoForUpdate = statement(
  'photo-for-update',
  'SELECT id, version, meta, created_by, updated_by FROM photos WHERE desk_id = $1 AND sha256 = $2 FOR UPDATE',
);
const originalComplete = statement(
  'original-complete',
  'SELECT complete FROM photo_originals WHERE desk_id = $1 AND sha256 = $2',
);
const insertPhotoRevision = statement(
  'insert-photo-revision',
  'INSERT INTO photo_revisions (photo_id, version, kind, meta, author_id) VALUES ($1, $2, $3, $4, $5)',
);

const refused = (mutation: PhotoMutation, rule: 'role' | 'missing-original' | 'stale-base'): Applied => ({
  outcome: { mutationId: mutation.mutationId, outcome: 'refused', rule, message: refusalMessage(rule) },
});

async function metaAt(client: DeskClient, id: string, version: number): Promise<PhotoMeta> {
  const found = await client.query<{ meta: PhotoMeta }>(
    `SELECT meta FROM photo_revisions WHERE photo_id = $1 AND version = $2 AND kind = 'save'`,
    [id, version],
  );
  return { ...emptyPhotoMeta(), ...found.rows[0]?.meta };
}

/**
 * A photo record's save: the first one creates it (once its original is complete on the desk);
 * a later one merges field by field with what others changed since its base. Two people
 * changing the same words keep the desk's text, and the other text as a conflict revision.
 */
export async function applyPhotoSave(client: DeskClient, actor: Actor, mutation: PhotoMutation): Promise<Applied> {
  const changed = { entity: 'photo' as const, id: photoUuid(mutation.photoId) };
  const row = (await client.query<PhotoRow>(photoForUpdate([actor.deskId, mutation.photoId]))).rows[0];
  const rule = photoRefusalFor({ role: actor.role, creator: row?.created_by === actor.userId, exists: !!row });
  if (rule) return refused(mutation, rule);
  if (!row) {
    const original = await client.query<{ complete: boolean }>(originalComplete([actor.deskId, mutation.photoId]));
    if (!original.rows[0]?.complete || !mutation.file) return refused(mutation, 'missing-original');
    const meta = JSON.stringify({ ...emptyPhotoMeta(), ...mutation.fields });
    await client.query(
      `INSERT INTO photos (id, desk_id, sha256, version, file, meta, created_by, updated_by)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $6)`,
      [changed.id, actor.deskId, mutation.photoId, JSON.stringify(mutation.file), meta, actor.userId],
    );
    await client.query(insertPhotoRevision([changed.id, 1, 'save', meta, actor.userId]));
    return { outcome: { mutationId: mutation.mutationId, outcome: 'applied', version: 1 }, changed };
  }
  if (mutation.baseVersion > row.version) return refused(mutation, 'stale-base');
  const current: PhotoMeta = { ...emptyPhotoMeta(), ...row.meta };
  const onCurrent = mutation.baseVersion === row.version;
  const base = onCurrent ? current : await metaAt(client, row.id, mutation.baseVersion);
  const merged = mergePhoto(base, current, mutation.fields);
  const version = row.version + 1;
  let conflict: DeskPhoto['conflict'] = null;
  if (merged.conflicts.length > 0) {
    // The other side's text, kept whole as it was sent, under the new version's number.
    await client.query(
      insertPhotoRevision([row.id, version, 'conflict', JSON.stringify({ ...base, ...mutation.fields }), actor.userId]),
    );
    const authors = await client.query<{ name: string }>(
      'SELECT name FROM users WHERE id = ANY($1::uuid[]) ORDER BY name',
      [[row.updated_by, actor.userId]],
    );
    conflict = { authors: authors.rows.map((user) => user.name), version, fields: merged.conflicts };
  }
  const meta = JSON.stringify(merged.meta);
  await client.query(
    `UPDATE photos SET meta = $2, version = $3, updated_by = $4, updated_at = now(), conflict = $5 WHERE id = $1`,
    [row.id, meta, version, actor.userId, conflict === null ? null : JSON.stringify(conflict)],
  );
  await client.query(insertPhotoRevision([row.id, version, 'save', meta, actor.userId]));
  const outcome =
    merged.conflicts.length > 0
      ? { mutationId: mutation.mutationId, outcome: 'conflict' as const, version, fields: merged.conflicts }
      : { mutationId: mutation.mutationId, outcome: onCurrent ? ('applied' as const) : ('merged' as const), version };
  return { outcome, changed };
}
