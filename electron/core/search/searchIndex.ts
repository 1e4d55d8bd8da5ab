import type { Database } from 'better-sqlite3';
import type { ArticleContent, ArticleStatus } from '../../../shared/article/article';
import { bodyText, inlineText } from '../../../shared/article/article';
import type { QueryTerm } from '../../../shared/search/query';
import { hasDiacritics, parseQuery, toMatch } from '../../../shared/search/query';
import type { SearchPage } from '../../../shared/search/results';
import type { Snippet } from '../../../shared/search/snippet';
import { makeSnippet } from '../../../shared/search/snippet';
import type { ListScope } from '../../../shared/archive/list';
import { scopeSql } from '../archive/articleList';
import { cached } from '../archive/statements';
import { drainSearchIndex } from './indexer';

/** Phrases as separate words, for an index without positions. */
const splitPhrases = (terms: readonly QueryTerm[]): QueryTerm[] =>
  terms.flatMap((term) =>
    term.phrase
      ? term.text
          .split(/\s+/)
          .map((text, index, all) => ({ text, phrase: false, prefix: term.prefix && index === all.length - 1 }))
      : [term],
  );

export interface SearchFilter {
  status?: ArticleStatus;
  section?: string;
  contributor?: string;
  /** ISO dates, inclusive, on the last change. */
  from?: string;
  to?: string;
  /** Only articles with a photo that has neither a creator nor a credit line. */
  missingPhotoCredit?: boolean;
  /** Whose articles, as in the archive list; `me` names the user. */
  scope?: ListScope;
  me?: readonly string[];
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

type Table = 'search_exact' | 'search_folded';

/** Up to this many matches are ranked by relevance; more are shown newest first. */
export const rankLimit = 2000;

/** WHERE clauses and parameters for the filters, on the article `a`. */
function filterSql(filter: SearchFilter): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  const add = (clause: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(clause);
    params[name] = value;
  };
  add('a.status = :status', 'status', filter.status);
  add('a.section = :section', 'section', filter.section);
  add('a.updated_at >= :from', 'from', filter.from);
  add('a.updated_at <= :to', 'to', filter.to === undefined ? undefined : `${filter.to}\uffff`);
  if (filter.contributor !== undefined) {
    clauses.push(
      `EXISTS (SELECT 1 FROM json_each(a.content, '$.contributors') c WHERE json_extract(c.value, '$.name') = :contributor COLLATE NOCASE)`,
    );
    params.contributor = filter.contributor;
  }
  const scope = scopeSql[filter.scope ?? 'all'];
  if (scope) {
    clauses.push(scope);
    if (scope.includes(':me')) params.me = JSON.stringify(filter.me ?? []);
  }
  if (filter.missingPhotoCredit) {
    clauses.push(`EXISTS (SELECT 1 FROM photo_uses u JOIN photos p ON p.id = u.photo_id WHERE u.article_id = a.id
      AND trim(json_extract(p.meta, '$.creator')) = '' AND trim(json_extract(p.meta, '$.creditLine')) = '')`);
  }
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(''), params };
}

/** Articles matching an index, as a subquery over articles.id: SQLite materializes it once. */
const inIndex = (table: Table, parameter: string): string =>
  `a.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH :${parameter})`;

function countMatches(db: Database, table: Table, match: string, filter: SearchFilter): number {
  const filters = filterSql(filter);
  const sql =
    filters.sql === ''
      ? `SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH :match`
      : `SELECT count(*) AS n FROM articles a WHERE ${inIndex(table, 'match')}${filters.sql}`;
  return (cached(db, sql).get({ match, ...filters.params }) as { n: number }).n;
}

/** A reader of matching ids, newest (highest id) first, a batch at a time. */
const newestIds =
  (db: Database, table: Table, match: string, filter: SearchFilter) =>
  (limit: number, offset: number): number[] => {
    const filters = filterSql(filter);
    const sql =
      filters.sql === ''
        ? `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH :match ORDER BY rowid DESC LIMIT :limit OFFSET :offset`
        : `SELECT a.id FROM ${table} JOIN articles a ON a.id = ${table}.rowid WHERE ${table} MATCH :match${filters.sql} ORDER BY ${table}.rowid DESC LIMIT :limit OFFSET :offset`;
    return (cached(db, sql).all({ match, ...filters.params, limit, offset }) as { id: number }[]).map((row) => row.id);
  };

/**
 * Whether one article matches: a rowid range lookup in the index, not a scan. (On the
 * contentless detail=none index, `MATCH ? AND rowid = ?` answered rows that do not match,
 * SQLite 3.53; the range form answers correctly. The newest-first search test covers it.)
 */
const hasMatch = (db: Database, table: Table, match: string, id: number): boolean =>
  cached(db, `SELECT 1 FROM ${table} WHERE ${table} MATCH ? AND rowid BETWEEN ? AND ?`).get(match, id, id) !==
  undefined;

/** Reads ids in batches, keeps the accepted ones, skips the first `skip` of those and returns `want`. */
function collect(
  read: (limit: number, offset: number) => number[],
  accept: (id: number) => boolean,
  skip: number,
  want: number,
): number[] {
  const kept: number[] = [];
  let skipped = 0;
  const batch = Math.max(50, want * 2);
  for (let offset = 0; kept.length < want; offset += batch) {
    const ids = read(batch, offset);
    for (const id of ids) {
      if (!accept(id)) continue;
      if (skipped < skip) skipped += 1;
      else if (kept.length < want) kept.push(id);
    }
    if (ids.length < batch) break;
  }
  return kept;
}

/** Every matching id, best first (used only when there are at most rankLimit of them). */
function ranked(db: Database, table: Table, match: string, filter: SearchFilter): number[] {
  const filters = filterSql(filter);
  // Headline hits weigh most, then the lead, then credits and tags, then the body (weights in column order).
  const order = `ORDER BY bm25(${table}, 1.0, 8.0, 4.0, 2.0)`;
  const sql =
    filters.sql === ''
      ? `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH :match ${order}`
      : `SELECT a.id FROM ${table} JOIN articles a ON a.id = ${table}.rowid WHERE ${table} MATCH :match${filters.sql} ${order}`;
  return (cached(db, sql).all({ match, ...filters.params }) as { id: number }[]).map((row) => row.id);
}

function snippetOf(row: HitRow, terms: readonly QueryTerm[]): Snippet {
  const content = JSON.parse(row.content) as Partial<Pick<ArticleContent, 'lead'>>;
  const text = [
    row.headline,
    inlineText(content.lead ?? []),
    bodyText(JSON.parse(row.body) as ArticleContent['body']),
  ].join(' · ');
  return makeSnippet(text, terms);
}

/**
 * Searches the archive. A query with diacritics ranks exact matches (`đường`) above matches
 * without marks (`dương`); a query without them matches folded text (`duong` finds both).
 */
export function searchArticles(
  db: Database,
  query: string,
  filter: SearchFilter = {},
  page = 1,
  maxRanked = rankLimit,
): SearchPage {
  drainSearchIndex(db);
  const terms = parseQuery(query);
  if (terms.length === 0) return { total: 0, page, pageSize, order: 'relevance', results: [] };
  // The exact index keeps no positions (detail=none: a fraction of the size), so it finds the
  // words with their marks; phrase order is checked on the folded index, which has positions.
  const foldedMatch = toMatch(terms, true);
  // "Exact" means the marks typed are there: only the words typed with marks are looked up
  // in the exact index (which holds no others); the rest match as written or without marks.
  const words = splitPhrases(terms);
  const markedTerms = words.filter((term) => hasDiacritics([term]));
  const exactMatch = markedTerms.length > 0 ? toMatch(markedTerms, false) : undefined;
  // A phrase is counted exactly only when its words together are few enough to rank; beyond
  // that, the count of the words together stands as an upper bound and the newest come first.
  const phrase = terms.some((term) => term.phrase);
  const wordsTogether = phrase ? countMatches(db, 'search_folded', toMatch(words, true), filter) : undefined;
  const totalAtMost = wordsTogether !== undefined && wordsTogether > maxRanked;
  const total = totalAtMost ? wordsTogether : countMatches(db, 'search_folded', foldedMatch, filter);
  const start = (page - 1) * pageSize;
  let slice: { id: number; match: 'exact' | 'folded' }[];
  let order: SearchPage['order'] = 'relevance';
  if (!totalAtMost && total <= maxRanked) {
    // The exact index is read as a plain id list (no ranking: for common words it matches far
    // more articles than the folded query); the folded ranking is split by it.
    const folded = ranked(db, 'search_folded', foldedMatch, filter);
    const exactSet = exactMatch
      ? new Set(
          (
            cached(db, 'SELECT rowid AS id FROM search_exact WHERE search_exact MATCH ?').all(exactMatch) as {
              id: number;
            }[]
          ).map((row) => row.id),
        )
      : undefined;
    const exact = exactSet ? folded.filter((id) => exactSet.has(id)) : [];
    const isExact = new Set(exact);
    const ordered = [
      ...exact.map((id) => ({ id, match: 'exact' as const })),
      ...folded.filter((id) => !isExact.has(id)).map((id) => ({ id, match: 'folded' as const })),
    ];
    slice = ordered.slice(start, start + pageSize);
  } else {
    // Too many to rank usefully: the newest articles first (ids grow with creation, and FTS5
    // walks a doclist backwards by rowid and stops after a page), exact matches first.
    order = 'newest';
    const exactIds = exactMatch
      ? collect(
          newestIds(db, 'search_exact', exactMatch, filter),
          (id) => !phrase || hasMatch(db, 'search_folded', foldedMatch, id),
          start,
          pageSize,
        )
      : [];
    let foldedIds: number[] = [];
    // A full page of exact matches needs nothing more; otherwise the other matches follow them.
    if (exactIds.length < pageSize) {
      const exactTotal = !exactMatch
        ? 0
        : exactIds.length > 0
          ? start + exactIds.length
          : countMatches(db, 'search_exact', exactMatch, filter);
      const notExact = (id: number) => !exactMatch || !hasMatch(db, 'search_exact', exactMatch, id);
      foldedIds = collect(
        newestIds(db, 'search_folded', foldedMatch, filter),
        notExact,
        Math.max(0, start - exactTotal),
        pageSize - exactIds.length,
      );
    }
    slice = [
      ...exactIds.map((id) => ({ id, match: 'exact' as const })),
      ...foldedIds.map((id) => ({ id, match: 'folded' as const })),
    ];
  }
  const read = db.prepare<[number], HitRow>(
    'SELECT id, headline, status, section, updated_at, body, content FROM articles WHERE id = ?',
  );
  return {
    total,
    ...(totalAtMost ? { totalAtMost } : {}),
    page,
    pageSize,
    order,
    results: slice.flatMap(({ id, match }) => {
      const row = read.get(id);
      return row
        ? [
            {
              id,
              headline: row.headline,
              status: row.status,
              section: row.section,
              updatedAt: row.updated_at,
              match,
              snippet: snippetOf(row, terms),
            },
          ]
        : [];
    }),
  };
}
