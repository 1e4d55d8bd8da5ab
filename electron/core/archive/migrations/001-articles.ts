import type { Migration } from '../migrate';

export const migration001: Migration = {
  version: 1,
  name: 'articles',
  up: (db) => {
    db.exec(`
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        headline TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'edited', 'approved', 'exported', 'spiked')),
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX articles_by_updated ON articles (updated_at DESC);
    `);
  },
};
