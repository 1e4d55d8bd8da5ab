import type { Migration } from '../migrate';

export const migration014: Migration = {
  version: 14,
  name: 'desk news: what others did to this user’s articles, for "while you were away"',
  up: (db) => {
    db.exec(`
      CREATE TABLE desk_news (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id),
        kind TEXT NOT NULL CHECK (kind IN ('edited', 'submitted', 'edited-status', 'approved', 'returned', 'spiked', 'exported')),
        by TEXT NOT NULL,
        at TEXT NOT NULL,
        seen INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1))
      ) STRICT;
      CREATE INDEX desk_news_newest ON desk_news (id DESC);
    `);
  },
};
