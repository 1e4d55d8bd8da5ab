import type { Database } from 'better-sqlite3';
import type { ArticleListPage, ListQuery, ListScope } from '../../../shared/archive/list';
import { listPageSize } from '../../../shared/archive/list';
import type { SummaryRow } from './articleStore';
import { rowToSummary } from './articleStore';
import { cached } from './statements';

/** Each scope as a condition on the article `a`, for the names in `:me` (a JSON array). */
export const scopeSql: Record<ListScope, string | undefined> = {
  all: undefined,
  mine: `EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id AND r.kind = 'first'
           AND r.taken_by IN (SELECT value FROM json_each(:me)))`,
  assigned: `EXISTS (SELECT 1 FROM json_each(a.content, '$.contributors') c
           WHERE lower(json_extract(c.value, '$.name')) IN (SELECT lower(value) FROM json_each(:me)))`,
  desk: 'EXISTS (SELECT 1 FROM desk_articles d WHERE d.article_id = a.id)',
};

/**
 * One page of the archive list, newest change first, read by keyset along the index on
 * `updated_at` (or on status or section with that filter): a page deep in 100,000 articles costs
 * what the first does. `me` names the user for "mine" and "assigned" (the settings' name, and the
 * desk's when joined). Only the conditions asked for are in the statement, so the planner picks
 * the index that fits them.
 */
export function listArticlePage(db: Database, query: ListQuery, me: readonly string[]): ArticleListPage {
  const limit = query.limit ?? listPageSize;
  const scope = scopeSql[query.scope ?? 'all'];
  const clauses: string[] = [];
  const params: Record<string, string | number> = { take: limit + 1 };
  if (query.status !== undefined) {
    clauses.push('a.status = :status');
    params.status = query.status;
  }
  if (query.section !== undefined) {
    clauses.push('a.section = :section');
    params.section = query.section;
  }
  if (query.after) {
    clauses.push('(a.updated_at, a.id) < (:afterAt, :afterId)');
    params.afterAt = query.after.updatedAt;
    params.afterId = query.after.id;
  }
  if (scope) {
    clauses.push(scope);
    if (scope.includes(':me')) params.me = JSON.stringify(me);
  }
  const rows = cached(
    db,
    `SELECT a.id, a.headline, a.status, a.section, a.version, a.created_at, a.updated_at FROM articles a
     ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''}
     ORDER BY a.updated_at DESC, a.id DESC LIMIT :take`,
  ).all(params) as SummaryRow[];
  const articles = rows.slice(0, limit).map(rowToSummary);
  const last = articles.at(-1);
  return {
    articles,
    next: rows.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null,
    sections: query.after ? undefined : sections(db),
  };
}

/** The sections in use, read from the index on section (a step per distinct section). */
function sections(db: Database): string[] {
  const rows = cached(db, `SELECT DISTINCT section FROM articles WHERE section <> '' ORDER BY section`).all() as {
    section: string;
  }[];
  return rows.map((row) => row.section);
}
