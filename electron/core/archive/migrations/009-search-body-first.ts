import type { Migration } from '../migrate';

export const migration009: Migration = {
  version: 9,
  name: 'search: the body first in both indexes (smaller), rebuilt from the articles',
  up: (db) => {
    db.exec(`
      DROP TABLE search_exact;
      DROP TABLE search_folded;
      CREATE VIRTUAL TABLE search_exact USING fts5(body, headline, lead, extra, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE search_folded USING fts5(body, headline, lead, extra, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
    `);
    db.exec('INSERT OR IGNORE INTO search_pending (article_id) SELECT id FROM articles');
  },
};
