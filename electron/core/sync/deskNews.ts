import type { Database } from 'better-sqlite3';
import type { ArticleStatus } from '../../../shared/article/article';
import type { DeskArticle } from '../../../shared/desk/protocol';
import type { DeskNews, DeskNewsKind } from '../../../shared/desk/status';

/** What a change by someone else to an article did, as its author reads it. */
function kindOf(before: ArticleStatus | undefined, after: ArticleStatus): DeskNewsKind {
  if (before === undefined || before === after) return 'edited';
  if (after === 'draft') return 'returned';
  if (after === 'edited') return before === 'approved' ? 'returned' : 'edited-status';
  return after;
}

/**
 * Notes a pulled change to one of this user's articles that someone else made: edited,
 * returned, approved, spiked, exported. Read back as "while you were away".
 */
export function noteNews(
  db: Database,
  me: string,
  articleId: number,
  before: ArticleStatus | undefined,
  pulled: DeskArticle,
): void {
  if (pulled.author !== me || pulled.updatedBy === me || before === undefined) return;
  db.prepare('INSERT INTO desk_news (article_id, kind, by, at) VALUES (?, ?, ?, ?)').run(
    articleId,
    kindOf(before, pulled.status),
    pulled.updatedBy,
    pulled.updatedAt,
  );
}

/** The newest news first (50), and how many are unseen. */
export function deskNews(db: Database): { items: DeskNews[]; unseen: number } {
  const items = db
    .prepare<
      [],
      { id: number; article_id: number; kind: DeskNewsKind; by: string; at: string; seen: number; headline: string }
    >(
      `SELECT n.id, n.article_id, n.kind, n.by, n.at, n.seen, a.headline FROM desk_news n
         JOIN articles a ON a.id = n.article_id ORDER BY n.id DESC LIMIT 50`,
    )
    .all()
    .map((row) => ({
      id: row.id,
      articleId: row.article_id,
      headline: row.headline,
      kind: row.kind,
      by: row.by,
      at: row.at,
      seen: row.seen === 1,
    }));
  const unseen = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM desk_news WHERE seen = 0').get()?.n ?? 0;
  return { items, unseen };
}

export const markNewsSeen = (db: Database): void => {
  db.prepare('UPDATE desk_news SET seen = 1 WHERE seen = 0').run();
};
