import type { Migration } from '../migrate';

export const migration007: Migration = {
  version: 7,
  name: 'search: the exact index keeps only words with marks',
  up: (db) => {
    db.exec("INSERT INTO search_exact (search_exact) VALUES ('delete-all')");
    db.exec('INSERT OR IGNORE INTO search_pending (article_id) SELECT id FROM articles');
  },
};
