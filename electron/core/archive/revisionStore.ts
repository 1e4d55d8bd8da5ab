import type { Database } from 'better-sqlite3';
import type { ArticleContent, ArticleStatus, SavedVersion } from '../../../shared/article/article';
import { emptyContent } from '../../../shared/article/article';
import type { Revision, RevisionKind, RevisionSummary } from '../../../shared/history/revisions';
import { CoreError } from '../CoreError';
import { recordPhotoUses } from '../photos/photoStore';
import { markForIndexing } from '../search/indexer';
import { cached } from './statements';

/** How often an automatic version is kept while someone edits, and the clock (tests set both). */
export interface HistoryPolicy {
  autoIntervalMs: number;
  now: () => Date;
}

export const defaultHistoryPolicy: HistoryPolicy = { autoIntervalMs: 5 * 60_000, now: () => new Date() };

interface RevisionRow {
  id: number;
  article_id: number;
  version: number;
  kind: RevisionKind;
  name: string | null;
  saved_at: string;
  taken_by: string;
  status: ArticleStatus;
  headline: string;
  section: string;
  body: string;
  content: string;
}

const summary = (row: Omit<RevisionRow, 'body' | 'content' | 'section'>): RevisionSummary => ({
  id: row.id,
  articleId: row.article_id,
  version: row.version,
  kind: row.kind,
  name: row.name,
  savedAt: row.saved_at,
  by: row.taken_by,
  status: row.status,
  headline: row.headline,
});

/** Copies the article as it is now into its history (inside the caller's transaction). */
export function keepRevision(
  db: Database,
  articleId: number,
  kind: RevisionKind,
  by: string,
  at: Date,
  name: string | null = null,
): number {
  const { lastInsertRowid, changes } = cached(
    db,
    `INSERT INTO revisions (article_id, version, kind, name, saved_at, taken_at, taken_by, status, headline, section, body, content)
     SELECT id, version, ?, ?, updated_at, ?, ?, status, headline, section, body, content FROM articles WHERE id = ?`,
  ).run(kind, name, at.toISOString(), by, articleId);
  if (changes === 0) throw new CoreError('not_found', `There is no article ${articleId}.`);
  return Number(lastInsertRowid);
}

const hour = 3_600_000;
const day = 24 * hour;

/**
 * Automatic versions thin out with age: all of the last day, the last of each hour for a
 * week, then the last of each day. First, named, status and pre-restore versions stay.
 */
export function thinRevisions(db: Database, articleId: number, now: Date): number {
  const rows = db
    .prepare<[number], { id: number; saved_at: string }>(
      `SELECT id, saved_at FROM revisions WHERE article_id = ? AND kind = 'auto' ORDER BY saved_at DESC, id DESC`,
    )
    .all(articleId);
  const seen = new Set<string>();
  const drop: number[] = [];
  for (const row of rows) {
    const savedAt = Date.parse(row.saved_at);
    const age = now.getTime() - savedAt;
    if (age < day) continue;
    const bucket = age < 7 * day ? `h${Math.floor(savedAt / hour)}` : `d${Math.floor(savedAt / day)}`;
    if (seen.has(bucket)) drop.push(row.id);
    else seen.add(bucket);
  }
  const remove = db.prepare('DELETE FROM revisions WHERE id = ?');
  for (const id of drop) remove.run(id);
  return drop.length;
}

/**
 * Before a save overwrites the article: if no version was kept in the last few minutes, the
 * text about to be replaced is kept (so the state at the end of each stretch of editing is).
 */
export function keepAutoRevisionIfDue(db: Database, articleId: number, by: string, policy: HistoryPolicy): void {
  const now = policy.now();
  const latest = cached(db, 'SELECT taken_at FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1').get(
    articleId,
  ) as { taken_at: string } | undefined;
  if (latest && now.getTime() - Date.parse(latest.taken_at) < policy.autoIntervalMs) return;
  keepRevision(db, articleId, 'auto', by, now);
  thinRevisions(db, articleId, now);
}

export function listRevisions(db: Database, articleId: number): RevisionSummary[] {
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId))
    throw new CoreError('not_found', `There is no article ${articleId}.`);
  return db
    .prepare<[number], RevisionRow>(
      'SELECT id, article_id, version, kind, name, saved_at, taken_by, status, headline FROM revisions WHERE article_id = ? ORDER BY id DESC',
    )
    .all(articleId)
    .map(summary);
}

export function getRevision(db: Database, articleId: number, revisionId: number): Revision {
  const row = db
    .prepare<[number, number], RevisionRow>('SELECT * FROM revisions WHERE id = ? AND article_id = ?')
    .get(revisionId, articleId);
  if (!row) throw new CoreError('not_found', `Article ${articleId} has no saved version ${revisionId}.`);
  const stored = JSON.parse(row.content) as Partial<ArticleContent>;
  return {
    ...summary(row),
    content: {
      ...emptyContent(),
      ...stored,
      headline: row.headline,
      section: row.section,
      body: JSON.parse(row.body) as ArticleContent['body'],
    },
  };
}

/** "Save version": the article as it is now, kept under a name and never thinned. */
export function nameRevision(db: Database, articleId: number, name: string, by: string, now: Date): RevisionSummary {
  const id = db.transaction(() => keepRevision(db, articleId, 'named', by, now, name)).immediate();
  return getRevision(db, articleId, id);
}

/**
 * Brings back a kept version as the article's next version: the current text is kept first,
 * so nothing is overwritten. The workflow status stays where it is.
 */
export function restoreRevision(
  db: Database,
  articleId: number,
  baseVersion: number,
  revisionId: number,
  by: string,
  now: Date,
): SavedVersion {
  return db
    .transaction((): SavedVersion => {
      const current = db
        .prepare<[number], { version: number }>('SELECT version FROM articles WHERE id = ?')
        .get(articleId);
      if (!current) throw new CoreError('not_found', `There is no article ${articleId}.`);
      if (current.version !== baseVersion) {
        throw new CoreError(
          'conflict',
          `Article ${articleId} was changed elsewhere (now version ${current.version}, this restore is based on version ${baseVersion}); nothing was written.`,
        );
      }
      const source = db
        .prepare<[number, number], RevisionRow>('SELECT * FROM revisions WHERE id = ? AND article_id = ?')
        .get(revisionId, articleId);
      if (!source) throw new CoreError('not_found', `Article ${articleId} has no saved version ${revisionId}.`);
      keepRevision(db, articleId, 'before_restore', by, now, `v${current.version}`);
      const at = now.toISOString();
      db.prepare(
        'UPDATE articles SET headline = ?, section = ?, body = ?, content = ?, version = version + 1, updated_at = ? WHERE id = ?',
      ).run(source.headline, source.section, source.body, source.content, at, articleId);
      markForIndexing(db, articleId);
      recordPhotoUses(db, articleId, JSON.parse(source.body) as ArticleContent['body']);
      return { id: articleId, version: baseVersion + 1, updatedAt: at };
    })
    .immediate();
}
