import type { Database } from 'better-sqlite3';
import type { Article, ArticleBody, ArticleStatus, ArticleSummary, SavedVersion } from '../../../shared/article/article';
import { emptyBody } from '../../../shared/article/article';
import { CoreError } from '../CoreError';

interface ArticleRow {
  id: number;
  headline: string;
  body: string;
  status: ArticleStatus;
  version: number;
  created_at: string;
  updated_at: string;
}

type SummaryRow = Omit<ArticleRow, 'body'>;

const rowToSummary = (row: SummaryRow): ArticleSummary => ({
  id: row.id,
  headline: row.headline,
  status: row.status,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const rowToArticle = (row: ArticleRow): Article => ({
  ...rowToSummary(row),
  body: JSON.parse(row.body) as ArticleBody,
});

const now = (): string => new Date().toISOString();

export function listArticles(db: Database): ArticleSummary[] {
  const rows = db
    .prepare<[], SummaryRow>(
      'SELECT id, headline, status, version, created_at, updated_at FROM articles ORDER BY updated_at DESC, id DESC',
    )
    .all();
  return rows.map(rowToSummary);
}

export function getArticle(db: Database, id: number): Article {
  const row = db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(id);
  if (!row) throw new CoreError('not_found', `There is no article ${id}.`);
  return rowToArticle(row);
}

export function createArticle(db: Database, headline: string): Article {
  const at = now();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO articles (headline, body, status, version, created_at, updated_at)
       VALUES (?, ?, 'draft', 1, ?, ?)`,
    )
    .run(headline, JSON.stringify(emptyBody()), at, at);
  return getArticle(db, Number(lastInsertRowid));
}

export interface ArticleChanges {
  headline: string;
  body: ArticleBody;
}

/**
 * Writes a new version, only if the stored version is still the one the edit was based on:
 * a stale save is refused with a conflict and writes nothing.
 */
export function saveArticle(db: Database, id: number, baseVersion: number, changes: ArticleChanges): SavedVersion {
  const at = now();
  const result = db
    .prepare(
      `UPDATE articles SET headline = ?, body = ?, version = version + 1, updated_at = ?
       WHERE id = ? AND version = ?`,
    )
    .run(changes.headline, JSON.stringify(changes.body), at, id, baseVersion);
  if (result.changes === 1) return { id, version: baseVersion + 1, updatedAt: at };
  const current = db.prepare<[number], { version: number }>('SELECT version FROM articles WHERE id = ?').get(id);
  if (!current) throw new CoreError('not_found', `There is no article ${id}.`);
  throw new CoreError(
    'conflict',
    `Article ${id} was changed elsewhere (now version ${current.version}, this edit is based on version ${baseVersion}); nothing was written.`,
  );
}
