import type { Migration } from '../migrate';

export const migration003: Migration = {
  version: 3,
  name: 'search: exact and folded full-text indexes',
  up: (db) => {
    // As schema 3 made them (a migration never changes): schema 9 puts the body first.
    db.exec(`
      CREATE TABLE search_pending (article_id INTEGER PRIMARY KEY) STRICT;
      CREATE VIRTUAL TABLE search_exact USING fts5(headline, lead, body, extra, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE search_folded USING fts5(headline, lead, body, extra, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
    `);
    // Existing articles are indexed on the first search, not during the migration.
    db.exec('INSERT INTO search_pending (article_id) SELECT id FROM articles');
  },
};
