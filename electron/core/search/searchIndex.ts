import type { Database } from 'better-sqlite3';
import type { ArticleContent, ArticleStatus } from '../../../shared/article/article';
import { bodyText, inlineText } from '../../../shared/article/article';
import type { QueryTerm } from '../../../shared/search/query';
import { exactForm, foldedForm, hasDiacritics, parseQuery, toMatch } from '../../../shared/search/query';
import type { SearchPage } from '../../../shared/search/results';
import type { Snippet } from '../../../shared/search/snippet';
import { makeSnippet } from '../../../shared/search/snippet';

export const searchTablesSql = `
  CREATE TABLE search_pending (article_id INTEGER PRIMARY KEY) STRICT;
  CREATE VIRTUAL TABLE search_exact USING fts5(headline, lead, body, extra, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
  CREATE VIRTUAL TABLE search_folded USING fts5(headline, lead, body, extra, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
`;

type Indexed = Pick<ArticleContent, 'headline' | 'lead' | 'body' | 'contributors' | 'tags'>;

const columns = (content: Indexed): [string, string, string, string] => [
  content.headline,
  inlineText(content.lead),
  bodyText(content.body),
  [...content.contributors.map((contributor) => contributor.name), ...content.tags].join(' \n '),
];

/** Replaces the article's entries in both indexes; runs inside the save's transaction. */
export function indexArticle(db: Database, id: number, content: Indexed): void {
  const text = columns(content);
  db.prepare('DELETE FROM search_exact WHERE rowid = ?').run(id);
  db.prepare('DELETE FROM search_folded WHERE rowid = ?').run(id);
  db.prepare('INSERT INTO search_exact (rowid, headline, lead, body, extra) VALUES (?, ?, ?, ?, ?)').run(id, ...text.map(exactForm));
  db.prepare('INSERT INTO search_folded (rowid, headline, lead, body, extra) VALUES (?, ?, ?, ?, ?)').run(id, ...text.map(foldedForm));
}

/** Notes, inside a save's transaction, that the article's index entries are out of date. */
export function markForIndexing(db: Database, id: number): void {
  db.prepare('INSERT OR IGNORE INTO search_pending (article_id) VALUES (?)').run(id);
}

/** Brings the indexes up to date with every marked article; returns how many were indexed. */
export function drainSearchIndex(db: Database): number {
  const pending = db.prepare<[], { article_id: number }>('SELECT article_id FROM search_pending').all();
  if (pending.length === 0) return 0;
  const read = db.prepare<[number], { headline: string; body: string; content: string }>('SELECT headline, body, content FROM articles WHERE id = ?');
  const done = db.prepare('DELETE FROM search_pending WHERE article_id = ?');
  db.transaction(() => {
    for (const { article_id: id } of pending) {
      const row = read.get(id);
      if (row) {
        const content = JSON.parse(row.content) as Partial<ArticleContent>;
        indexArticle(db, id, { headline: row.headline, body: JSON.parse(row.body) as ArticleContent['body'], lead: content.lead ?? [], contributors: content.contributors ?? [], tags: content.tags ?? [] });
      } else {
        db.prepare('DELETE FROM search_exact WHERE rowid = ?').run(id);
        db.prepare('DELETE FROM search_folded WHERE rowid = ?').run(id);
      }
      done.run(id);
    }
  }).immediate();
  return pending.length;
}

export interface SearchFilter {
  status?: ArticleStatus;
  section?: string;
  contributor?: string;
  /** ISO dates, inclusive, on the last change. */
  from?: string;
  to?: string;
}


export const pageSize = 20;

interface HitRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  section: string;
  updated_at: string;
  body: string;
  content: string;
}

/** The ids that match, best first; the articles themselves are read only for the page shown. */
function matching(db: Database, table: 'search_exact' | 'search_folded', match: string, filter: SearchFilter): number[] {
  const filtered = filter.status !== undefined || filter.section !== undefined || filter.from !== undefined || filter.to !== undefined || filter.contributor !== undefined;
  // Headline hits weigh most, then the lead, the body, then credits and tags.
  const rows = db
    .prepare<Record<string, string | null>, { id: number }>(
      filtered
        ? `SELECT a.id FROM ${table} JOIN articles a ON a.id = ${table}.rowid
       WHERE ${table} MATCH :match
         AND (:status IS NULL OR a.status = :status)
         AND (:section IS NULL OR a.section = :section)
         AND (:from IS NULL OR a.updated_at >= :from)
         AND (:to IS NULL OR a.updated_at <= :to)
         AND (:contributor IS NULL OR EXISTS (
           SELECT 1 FROM json_each(a.content, '$.contributors') c WHERE json_extract(c.value, '$.name') = :contributor COLLATE NOCASE))
       ORDER BY bm25(${table}, 8.0, 4.0, 1.0, 2.0)`
        : `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH :match ORDER BY bm25(${table}, 8.0, 4.0, 1.0, 2.0)`,
    )
    .all({
      match,
      status: filter.status ?? null,
      section: filter.section ?? null,
      from: filter.from ?? null,
      to: filter.to ? `${filter.to}\uffff` : null,
      contributor: filter.contributor ?? null,
    });
  return rows.map((row) => row.id);
}

function snippetOf(row: HitRow, terms: readonly QueryTerm[]): Snippet {
  const content = JSON.parse(row.content) as Partial<Pick<ArticleContent, 'lead'>>;
  const text = [row.headline, inlineText(content.lead ?? []), bodyText(JSON.parse(row.body) as ArticleContent['body'])].join(' · ');
  return makeSnippet(text, terms);
}

/**
 * Searches the archive. A query with diacritics ranks exact matches (`đường`) above matches
 * without marks (`dương`); a query without them matches folded text (`duong` finds both).
 */
export function searchArticles(db: Database, query: string, filter: SearchFilter = {}, page = 1): SearchPage {
  drainSearchIndex(db);
  const terms = parseQuery(query);
  if (terms.length === 0) return { total: 0, page, pageSize, results: [] };
  const exact = hasDiacritics(terms) ? matching(db, 'search_exact', toMatch(terms, false), filter) : [];
  const seen = new Set(exact);
  const folded = matching(db, 'search_folded', toMatch(terms, true), filter).filter((id) => !seen.has(id));
  const all = [...exact.map((id) => ({ id, match: 'exact' as const })), ...folded.map((id) => ({ id, match: 'folded' as const }))];
  const slice = all.slice((page - 1) * pageSize, page * pageSize);
  const read = db.prepare<[number], HitRow>('SELECT id, headline, status, section, updated_at, body, content FROM articles WHERE id = ?');
  return {
    total: all.length,
    page,
    pageSize,
    results: slice.flatMap(({ id, match }) => {
      const row = read.get(id);
      return row
        ? [{ id, headline: row.headline, status: row.status, section: row.section, updatedAt: row.updated_at, match, snippet: snippetOf(row, terms) }]
        : [];
    }),
  };
}
