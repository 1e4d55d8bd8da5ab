import type { Database } from 'better-sqlite3';
import type { Article, ArticleContent, ArticleStatus } from '../../../shared/article/article';
import { articleContentShape, emptyContent } from '../../../shared/article/article';
import { applyBodyEdits, bodyEditsBetween } from '../../../shared/desk/bodyEdits';
import { workflowPath } from '../../../shared/article/workflow';
import { canonical } from '../../../shared/desk/canonical';
import type { ArticleMutation, PushOutcome } from '../../../shared/desk/protocol';
import { getArticle } from '../archive/articleStore';
import { forgetResolution, pendingResolution } from './conflicts';
import { asTheDesk } from './deskState';
import { uuidv7 } from './uuidv7';

const contentKeys = Object.keys(articleContentShape) as (keyof ArticleContent)[];

export interface DeskArticleRow {
  article_id: number;
  global_id: string;
  desk_version: number;
  base: string;
  base_status: ArticleStatus;
}

export const contentOf = (article: Article | ArticleContent): ArticleContent =>
  Object.fromEntries(contentKeys.map((key) => [key, article[key]])) as unknown as ArticleContent;

export function deskArticle(db: Database, articleId: number): DeskArticleRow {
  const found = db.prepare<[number], DeskArticleRow>('SELECT * FROM desk_articles WHERE article_id = ?').get(articleId);
  if (found) return found;
  const row: DeskArticleRow = {
    article_id: articleId,
    global_id: uuidv7(),
    desk_version: 0,
    base: JSON.stringify(emptyContent()),
    base_status: 'draft',
  };
  db.prepare(
    'INSERT INTO desk_articles (article_id, global_id, desk_version, base, base_status) VALUES (?, ?, ?, ?, ?)',
  ).run(row.article_id, row.global_id, row.desk_version, row.base, row.base_status);
  return row;
}

/** The fields of `content` that differ from `base`, each with its whole value. */
export function changedFields(base: ArticleContent, content: ArticleContent): Partial<ArticleContent> {
  return Object.fromEntries(
    contentKeys.filter((key) => canonical(base[key]) !== canonical(content[key])).map((key) => [key, content[key]]),
  );
}

/**
 * Freezes the mutations of each queued article (one batch in flight per article): its fields
 * that differ from the desk's version it last saw, and its status if that moved. A frozen row
 * is resent as it is, with the same mutation ids, until the desk answers it.
 */
export function prepareOutbox(db: Database): { seq: number; mutations: ArticleMutation[] }[] {
  return db
    .transaction(() => {
      const rows = db
        .prepare<[], { seq: number; article_id: number; mutations: string | null }>(
          'SELECT seq, article_id, mutations FROM desk_outbox ORDER BY seq',
        )
        .all();
      const frozen = new Set(rows.filter((row) => row.mutations !== null).map((row) => row.article_id));
      const ready: { seq: number; mutations: ArticleMutation[] }[] = [];
      for (const row of rows) {
        if (row.mutations !== null) {
          ready.push({ seq: row.seq, mutations: JSON.parse(row.mutations) as ArticleMutation[] });
          continue;
        }
        if (frozen.has(row.article_id)) continue;
        const article = getArticle(db, row.article_id);
        const link = deskArticle(db, row.article_id);
        const base = { ...emptyContent(), ...(JSON.parse(link.base) as Partial<ArticleContent>) };
        const fields = changedFields(base, contentOf(article));
        const resolves = pendingResolution(db, row.article_id);
        const mutations: ArticleMutation[] = [];
        if (Object.keys(fields).length > 0 || link.desk_version === 0 || resolves !== undefined) {
          // The body as the splice of the base's body: one paragraph edited sends one paragraph.
          const { body, ...rest } = fields;
          mutations.push({
            kind: 'article.save',
            mutationId: uuidv7(),
            articleId: link.global_id,
            baseVersion: link.desk_version,
            ...(body === undefined ? { fields } : { fields: rest, bodyEdits: bodyEditsBetween(base.body, body) }),
            ...(resolves === undefined ? {} : { resolves }),
          });
        }
        // Several moves made here since the desk's status go as each step, as the workflow allows them.
        if (article.status !== link.base_status)
          for (const status of workflowPath(link.base_status, article.status))
            mutations.push({
              kind: 'article.status',
              mutationId: uuidv7(),
              articleId: link.global_id,
              baseVersion: Math.max(1, link.desk_version),
              status,
            });
        if (mutations.length === 0) {
          db.prepare('DELETE FROM desk_outbox WHERE seq = ?').run(row.seq);
          continue;
        }
        db.prepare('UPDATE desk_outbox SET mutations = ? WHERE seq = ?').run(JSON.stringify(mutations), row.seq);
        frozen.add(row.article_id);
        ready.push({ seq: row.seq, mutations });
      }
      return ready;
    })
    .immediate();
}

export interface SettleReport {
  applied: number;
  merged: number;
  conflicts: number;
  refused: { articleId: number; rule: string; message: string }[];
  refusedPhotos: { photoId: string; rule: string; message: string }[];
}

/**
 * Records the desk's answers to one outbox row and removes it. An applied save moves the
 * base to what was sent; merged and conflicting ones are settled by the pull that follows;
 * a refusal is kept with its reason (the pull or the base then corrects the status).
 */
export function settleOutbox(
  db: Database,
  seq: number,
  mutations: readonly ArticleMutation[],
  outcomes: readonly PushOutcome[],
  report: SettleReport,
): void {
  db.transaction(() => {
    const articleId = db
      .prepare<[number], { article_id: number }>('SELECT article_id FROM desk_outbox WHERE seq = ?')
      .get(seq)?.article_id;
    if (articleId === undefined) return;
    const link = deskArticle(db, articleId);
    mutations.forEach((mutation, index) => {
      const outcome = outcomes[index];
      if (!outcome) return;
      if (outcome.outcome === 'refused') {
        report.refused.push({ articleId, rule: outcome.rule, message: outcome.message });
        db.prepare('INSERT INTO desk_refusals (article_id, rule, message, at) VALUES (?, ?, ?, ?)').run(
          articleId,
          outcome.rule,
          outcome.message,
          new Date().toISOString(),
        );
        if (mutation.kind === 'article.status') correctStatus(db, articleId, link.base_status);
        return;
      }
      report[outcome.outcome === 'conflict' ? 'conflicts' : outcome.outcome] += 1;
      if (mutation.kind === 'article.save' && mutation.resolves !== undefined)
        forgetResolution(db, articleId, mutation.resolves);
      if (outcome.outcome !== 'applied') return;
      if (mutation.kind === 'article.save') {
        const was = JSON.parse(link.base) as ArticleContent;
        const body = mutation.bodyEdits ? applyBodyEdits(was.body, mutation.bodyEdits) : undefined;
        link.base = JSON.stringify({ ...was, ...mutation.fields, ...(body ? { body } : {}) });
      } else link.base_status = mutation.status;
      link.desk_version = outcome.version;
      db.prepare('UPDATE desk_articles SET desk_version = ?, base = ?, base_status = ? WHERE article_id = ?').run(
        link.desk_version,
        link.base,
        link.base_status,
        articleId,
      );
    });
    db.prepare('DELETE FROM desk_outbox WHERE seq = ?').run(seq);
  })();
}

/** The desk's status, written without queueing it back (the desk decided it). */
export function correctStatus(db: Database, articleId: number, status: ArticleStatus): void {
  asTheDesk(db, () =>
    db.prepare('UPDATE articles SET status = ? WHERE id = ? AND status != ?').run(status, articleId, status),
  );
}
