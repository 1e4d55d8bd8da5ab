import type { DeskPool } from '../db/database';
import type { DeskArticle, DeskPhoto, Mutation, PullResponse, PushOutcome } from '../../shared/desk/protocol';
import { applyMutation } from './articles';
import { applyOnce } from './once';
import { applyPhotoSave } from './photos';
import { deskSettings } from './settings';
import type { Actor } from './users';

/** Applies a batch in order, each mutation once and in a transaction of its own, answered one by one. */
export async function push(pool: DeskPool, actor: Actor, mutations: readonly Mutation[]): Promise<PushOutcome[]> {
  const outcomes: PushOutcome[] = [];
  for (const mutation of mutations)
    outcomes.push(
      await applyOnce(pool, actor, mutation.mutationId, async (client) => {
        if (mutation.kind === 'photo.save') return applyPhotoSave(client, actor, mutation);
        const outcome = await applyMutation(client, actor, mutation);
        return outcome.outcome === 'refused'
          ? { outcome }
          : { outcome, changed: { entity: 'article', id: mutation.articleId } };
      }),
    );
  return outcomes;
}

interface PulledRow {
  seq: string;
  entity: 'article' | 'settings' | 'photo';
  id: string | null;
  version: number;
  status: DeskArticle['status'];
  author: string;
  updated_by: string;
  updated_at: Date;
  content: DeskArticle['content'];
  conflict: DeskArticle['conflict'];
  kept: DeskArticle['kept'] | null;
  photo_sha256: string | null;
  photo_version: number;
  photo_file: DeskPhoto['file'];
  photo_meta: DeskPhoto['meta'];
  photo_created_by: string;
  photo_updated_by: string;
  photo_updated_at: Date;
  photo_conflict: DeskPhoto['conflict'];
}

/**
 * The changes after `after`, in their order, each article as it is now (once a page), and the
 * desk's settings when they changed within the page.
 */
export async function pull(pool: DeskPool, deskId: string, after: number, limit: number): Promise<PullResponse> {
  const rows = await pool.query<PulledRow>(
    `SELECT changes.seq, changes.entity, articles.id, articles.version, articles.status, author.name AS author,
            editor.name AS updated_by, articles.updated_at, articles.content, articles.conflict, kept.content AS kept,
            photos.sha256 AS photo_sha256, photos.version AS photo_version, photos.file AS photo_file,
            photos.meta AS photo_meta, sender.name AS photo_created_by, photo_editor.name AS photo_updated_by,
            photos.updated_at AS photo_updated_at, photos.conflict AS photo_conflict
       FROM changes
       LEFT JOIN article_documents articles ON changes.entity = 'article' AND articles.id = changes.entity_id
       LEFT JOIN users author ON author.id = articles.author_id
       LEFT JOIN users editor ON editor.id = articles.updated_by
       LEFT JOIN revision_documents kept ON kept.article_id = articles.id AND kept.kind = 'conflict'
             AND kept.version = (articles.conflict->>'version')::int
       LEFT JOIN photos ON changes.entity = 'photo' AND photos.id = changes.entity_id
       LEFT JOIN users sender ON sender.id = photos.created_by
       LEFT JOIN users photo_editor ON photo_editor.id = photos.updated_by
      WHERE changes.desk_id = $1 AND changes.seq > $2 AND changes.entity IN ('article', 'settings', 'photo')
      ORDER BY changes.seq
      LIMIT $3`,
    [deskId, after, limit + 1],
  );
  const page = rows.rows.slice(0, limit);
  const latest = new Map<string, { seq: number; article: DeskArticle }>();
  const photos = new Map<string, { seq: number; photo: DeskPhoto }>();
  for (const row of page) {
    if (row.entity === 'photo' && row.photo_sha256 !== null) {
      photos.delete(row.photo_sha256);
      photos.set(row.photo_sha256, {
        seq: Number(row.seq),
        photo: {
          id: row.photo_sha256,
          version: row.photo_version,
          file: row.photo_file,
          meta: row.photo_meta,
          createdBy: row.photo_created_by,
          updatedBy: row.photo_updated_by,
          updatedAt: row.photo_updated_at.toISOString(),
          conflict: row.photo_conflict,
        },
      });
    }
    if (row.entity !== 'article' || row.id === null) continue;
    latest.delete(row.id);
    latest.set(row.id, {
      seq: Number(row.seq),
      article: {
        id: row.id,
        version: row.version,
        status: row.status,
        author: row.author,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at.toISOString(),
        content: row.content,
        conflict: row.conflict,
        ...(row.kept ? { kept: row.kept } : {}),
      },
    });
  }
  const settingsChanged = page.some((row) => row.entity === 'settings');
  return {
    changes: [...latest.values()],
    photos: [...photos.values()],
    ...(settingsChanged ? { settings: await deskSettings(pool, deskId) } : {}),
    cursor: page.length > 0 ? Number(page.at(-1)?.seq) : after,
    more: rows.rows.length > limit,
  };
}
