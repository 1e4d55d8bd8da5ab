import type { Database } from 'better-sqlite3';
import type { ArticleContent, SavedVersion } from '../../../shared/article/article';
import { emptyContent } from '../../../shared/article/article';
import { conflictPassages, resolveConflict } from '../../../shared/desk/conflictPassages';
import type { DeskArticle } from '../../../shared/desk/protocol';
import type { DeskConflict } from '../../../shared/desk/status';
import type { Actor } from '../archive/articleStore';
import { getArticle, saveArticle } from '../archive/articleStore';
import { CoreError } from '../CoreError';
import { defaultHistoryPolicy, keepRevision } from '../archive/revisionStore';
import { changedFields, contentOf } from './outbox';

interface ConflictRow {
  article_id: number;
  authors: string;
  version: number;
  fields: string;
  kept: string;
  resolved: number;
}

/** Keeps (or drops) the desk's conflict marker of a pulled article with the other text; a choice made here stands. */
export function recordConflict(db: Database, articleId: number, pulled: DeskArticle): void {
  if (!pulled.conflict || !pulled.kept) {
    db.prepare('DELETE FROM desk_conflicts WHERE article_id = ? AND resolved = 0').run(articleId);
    return;
  }
  db.prepare(
    `INSERT INTO desk_conflicts (article_id, authors, version, fields, kept) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET authors = excluded.authors, version = excluded.version,
         fields = excluded.fields, kept = excluded.kept, resolved = 0
       WHERE desk_conflicts.version <> excluded.version`,
  ).run(
    articleId,
    JSON.stringify(pulled.conflict.authors),
    pulled.conflict.version,
    JSON.stringify(pulled.conflict.fields),
    JSON.stringify(pulled.kept),
  );
}

const rowOf = (db: Database, id: number): ConflictRow | undefined =>
  db.prepare<[number], ConflictRow>('SELECT * FROM desk_conflicts WHERE article_id = ? AND resolved = 0').get(id);

const keptOf = (row: ConflictRow): ArticleContent => ({
  ...emptyContent(),
  ...(JSON.parse(row.kept) as Partial<ArticleContent>),
});

/** The conflict waiting on an article: who, and each passage in both texts; null when there is none. */
export function articleConflict(db: Database, id: number): DeskConflict | null {
  const row = rowOf(db, id);
  if (!row) return null;
  const passages = conflictPassages(contentOf(getArticle(db, id)), keptOf(row), JSON.parse(row.fields) as string[]);
  return {
    authors: JSON.parse(row.authors) as string[],
    version: row.version,
    passages: passages.map(({ field, current, kept }) => ({ field, current, kept })),
  };
}

/**
 * A person's choice, passage by passage: the text chosen is saved as a new version here (the
 * text not chosen stays in the history and in the desk's conflict revision), and the next push
 * tells the desk the conflict is settled.
 */
export function resolveArticleConflict(
  db: Database,
  id: number,
  version: number,
  useKept: readonly boolean[],
  actor: Actor,
): SavedVersion {
  return db
    .transaction(() => {
      const row = rowOf(db, id);
      if (!row || row.version !== version)
        throw new CoreError('conflict', 'This conflict was settled already, or the desk has a newer one.');
      const article = getArticle(db, id);
      const current = contentOf(article);
      const passages = conflictPassages(current, keptOf(row), JSON.parse(row.fields) as string[]);
      if (useKept.length !== passages.length)
        throw new CoreError('validation', `Choose for each of the ${passages.length} passages.`);
      // Both texts stay in the history under their authors' names (the desk's first, then the other).
      const [deskSide = '', otherSide = deskSide] = JSON.parse(row.authors) as string[];
      const at = (actor.policy ?? defaultHistoryPolicy).now();
      keepRevision(db, id, 'named', actor.by, at, `⇄ ${deskSide}`);
      const kept = saveArticle(db, id, article.version, changedFields(current, keptOf(row)), actor);
      keepRevision(db, id, 'named', actor.by, at, `⇄ ${otherSide}`);
      const chosen = { ...current, ...resolveConflict(current, keptOf(row), passages, useKept) };
      const saved = saveArticle(db, id, kept.version, changedFields(keptOf(row), chosen), actor);
      db.prepare('UPDATE desk_conflicts SET resolved = 1 WHERE article_id = ?').run(id);
      // Queued even when the current text was kept whole: the desk has to hear it is settled.
      db.prepare(
        `INSERT INTO desk_outbox (article_id, queued_at)
         SELECT ?, strftime('%Y-%m-%dT%H:%M:%fZ') WHERE NOT EXISTS (SELECT 1 FROM desk_outbox WHERE article_id = ? AND mutations IS NULL)`,
      ).run(id, id);
      return saved;
    })
    .immediate();
}

/** The version of a settled conflict whose settling waits to be sent, if any. */
export const pendingResolution = (db: Database, articleId: number): number | undefined =>
  db
    .prepare<[number], { version: number }>('SELECT version FROM desk_conflicts WHERE article_id = ? AND resolved = 1')
    .get(articleId)?.version;

/** The desk took the settling save: the conflict is gone here too. */
export const forgetResolution = (db: Database, articleId: number, version: number): void => {
  db.prepare('DELETE FROM desk_conflicts WHERE article_id = ? AND resolved = 1 AND version = ?').run(
    articleId,
    version,
  );
};
