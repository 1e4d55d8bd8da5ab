import type { Migration } from '../migrate';

export const migration004: Migration = {
  version: 4,
  name: 'revision history',
  up: (db) => {
    db.exec(`
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('first', 'auto', 'status', 'named', 'before_restore', 'baseline')),
        name TEXT,
        saved_at TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        taken_by TEXT NOT NULL,
        status TEXT NOT NULL,
        headline TEXT NOT NULL,
        section TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        content TEXT NOT NULL CHECK (json_valid(content))
      ) STRICT;
      CREATE INDEX revisions_by_article ON revisions (article_id, id);
    `);
    // Articles written before history existed start theirs with the state they are in.
    db.exec(`
      INSERT INTO revisions (article_id, version, kind, saved_at, taken_at, taken_by, status, headline, section, body, content)
      SELECT id, version, 'baseline', updated_at, updated_at, '', status, headline, section, body, content FROM articles
    `);
  },
};
