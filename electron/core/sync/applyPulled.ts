import type { Database } from 'better-sqlite3';
import type { ArticleContent } from '../../../shared/article/article';
import { emptyContent } from '../../../shared/article/article';
import { mergeArticle } from '../../../shared/desk/mergeArticle';
import type { DeskArticle } from '../../../shared/desk/protocol';
import { createArticle, getArticle, saveArticle } from '../archive/articleStore';
import { recordConflict } from './conflicts';
import { noteNews } from './deskNews';
import { asTheDesk } from './deskState';
import type { DeskArticleRow } from './outbox';
import { changedFields, contentOf } from './outbox';

/**
 * Writes an article as the desk has it. Edits made here and not yet on the desk are merged
 * in three ways (the desk's version is the new base); if they clash with the desk's, the text
 * here stays as it is and goes to the desk on the next push, where the desk keeps it as a
 * conflict revision: nothing typed on this laptop is overwritten by a pull.
 */
/** `me` is this laptop's user on the desk: changes others made to their articles are noted as news. */
export function applyPulled(db: Database, pulled: DeskArticle, me: string): 'created' | 'updated' | 'kept' | 'known' {
  return asTheDesk(db, () => {
    const desk = { ...emptyContent(), ...(pulled.content as Partial<ArticleContent>) };
    const link = db.prepare<[string], DeskArticleRow>('SELECT * FROM desk_articles WHERE global_id = ?').get(pulled.id);
    const remember = (articleId: number) =>
      db
        .prepare(
          `INSERT INTO desk_articles (article_id, global_id, desk_version, base, base_status) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (article_id) DO UPDATE SET desk_version = excluded.desk_version, base = excluded.base,
                 base_status = excluded.base_status`,
        )
        .run(articleId, pulled.id, pulled.version, JSON.stringify(desk), pulled.status);
    const setStatus = (articleId: number) =>
      db.prepare('UPDATE articles SET status = ? WHERE id = ?').run(pulled.status, articleId);
    if (!link) {
      const created = createArticle(db, desk);
      setStatus(created.id);
      remember(created.id);
      recordConflict(db, created.id, pulled);
      return 'created';
    }
    if (pulled.version <= link.desk_version) return 'known';
    noteNews(db, me, link.article_id, link.base_status, pulled);
    const local = getArticle(db, link.article_id);
    const pending =
      db
        .prepare<[number], { n: number }>('SELECT count(*) AS n FROM desk_outbox WHERE article_id = ?')
        .get(link.article_id)?.n ?? 0;
    let next = desk;
    if (pending > 0) {
      const base = { ...emptyContent(), ...(JSON.parse(link.base) as Partial<ArticleContent>) };
      const merged = mergeArticle(base, desk, contentOf(local));
      if (merged.conflicts.length > 0) {
        recordConflict(db, link.article_id, pulled);
        return 'kept';
      }
      next = merged.content;
    }
    const fields = changedFields(contentOf(local), next);
    if (Object.keys(fields).length > 0) saveArticle(db, link.article_id, local.version, fields);
    setStatus(link.article_id);
    remember(link.article_id);
    recordConflict(db, link.article_id, pulled);
    return 'updated';
  });
}
