import type { Database } from 'better-sqlite3';
import type { ArticleContent } from '../../../shared/article/article';
import { bodyText, inlineText } from '../../../shared/article/article';
import { exactForm, foldedForm } from '../../../shared/search/query';
import { cached } from '../archive/statements';

/**
 * The two indexes. The body is the first column: FTS5 writes a column marker before the
 * positions of every column but the first, so the column that holds most words goes first
 * (this made the folded index about a quarter smaller).
 */
export const searchIndexTablesSql = `
  CREATE VIRTUAL TABLE search_exact USING fts5(body, headline, lead, extra, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');
  CREATE VIRTUAL TABLE search_folded USING fts5(body, headline, lead, extra, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
`;

type Indexed = Pick<ArticleContent, 'headline' | 'lead' | 'body' | 'contributors' | 'tags'>;

const columns = (content: Indexed): [string, string, string, string] => [
  content.headline,
  inlineText(content.lead),
  bodyText(content.body),
  [...content.contributors.map((contributor) => contributor.name), ...content.tags].join(' \n '),
];

/**
 * The exact index holds only words with marks (or đ): a word without any reads the same in
 * both indexes, so the folded index answers for it, and the exact index stays small.
 */
const markedWords = (text: string): string =>
  exactForm(text).replace(/[\p{L}\p{N}]+/gu, (word) => (foldedForm(word) === word ? ' ' : word));

/** Replaces the article's entries in both indexes; runs inside the save's transaction. */
export function indexArticle(db: Database, id: number, content: Indexed): void {
  const text = columns(content);
  cached(db, 'DELETE FROM search_exact WHERE rowid = ?').run(id);
  cached(db, 'DELETE FROM search_folded WHERE rowid = ?').run(id);
  cached(db, 'INSERT INTO search_exact (rowid, headline, lead, body, extra) VALUES (?, ?, ?, ?, ?)').run(
    id,
    ...text.map(markedWords),
  );
  cached(db, 'INSERT INTO search_folded (rowid, headline, lead, body, extra) VALUES (?, ?, ?, ?, ?)').run(
    id,
    ...text.map(foldedForm),
  );
}

/** Notes, inside a save's transaction, that the article's index entries are out of date. */
export function markForIndexing(db: Database, id: number): void {
  cached(db, 'INSERT OR IGNORE INTO search_pending (article_id) VALUES (?)').run(id);
}

/** Brings the indexes up to date with every marked article; returns how many were indexed. */
export function drainSearchIndex(db: Database): number {
  const pending = db.prepare<[], { article_id: number }>('SELECT article_id FROM search_pending').all();
  if (pending.length === 0) return 0;
  const read = db.prepare<[number], { headline: string; body: string; content: string }>(
    'SELECT headline, body, content FROM articles WHERE id = ?',
  );
  const done = db.prepare('DELETE FROM search_pending WHERE article_id = ?');
  db.transaction(() => {
    for (const { article_id: id } of pending) {
      const row = read.get(id);
      if (row) {
        const content = JSON.parse(row.content) as Partial<ArticleContent>;
        indexArticle(db, id, {
          headline: row.headline,
          body: JSON.parse(row.body) as ArticleContent['body'],
          lead: content.lead ?? [],
          contributors: content.contributors ?? [],
          tags: content.tags ?? [],
        });
      } else {
        cached(db, 'DELETE FROM search_exact WHERE rowid = ?').run(id);
        cached(db, 'DELETE FROM search_folded WHERE rowid = ?').run(id);
      }
      done.run(id);
    }
  }).immediate();
  // After a bulk (re)index (a migration, an import of an old archive) each index is merged into
  // one segment: smaller, and faster to query than the many segments a bulk insert leaves.
  if (pending.length >= bulkIndexSize) {
    db.exec(
      "INSERT INTO search_exact (search_exact) VALUES ('optimize'); INSERT INTO search_folded (search_folded) VALUES ('optimize');",
    );
  }
  return pending.length;
}

/** From this many articles indexed at once, the indexes are optimized afterwards. */
export const bulkIndexSize = 1000;
