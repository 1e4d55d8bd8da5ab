import type { Migration } from '../migrate';

export const migration002: Migration = {
  version: 2,
  name: 'article content, status history, settings',
  up: (db) => {
    db.exec(`
      ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN content TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(content));
      CREATE INDEX articles_by_status ON articles (status, updated_at DESC);
      CREATE INDEX articles_by_section ON articles (section, updated_at DESC);
      CREATE TABLE status_changes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX status_changes_by_article ON status_changes (article_id, id);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
    `);
  },
};
