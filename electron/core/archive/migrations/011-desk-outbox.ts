import type { Migration } from '../migrate';

export const migration011: Migration = {
  version: 11,
  name: 'the desk outbox: every change to an article queued for the desk in its own transaction',
  up: (db) => {
    db.exec(`
      -- An article this laptop shares with the desk: its global id, and the desk's version and
      -- content it last saw (the base of the next three-way merge).
      CREATE TABLE desk_articles (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        global_id TEXT NOT NULL UNIQUE,
        desk_version INTEGER NOT NULL DEFAULT 0,
        base TEXT NOT NULL CHECK (json_valid(base)),
        base_status TEXT NOT NULL DEFAULT 'draft'
      ) STRICT;
      -- What waits to be sent: a row per changed article, written by the triggers below in the
      -- save's own transaction. 'mutations' is set once the row is prepared, and then resent as is.
      CREATE TABLE desk_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles (id),
        mutations TEXT CHECK (mutations IS NULL OR json_valid(mutations)),
        queued_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX desk_outbox_by_article ON desk_outbox (article_id);
      -- Set only while a pulled change is written, so it is not queued back to the desk.
      CREATE TABLE desk_applying (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;
      CREATE TABLE desk_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE desk_refusals (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id),
        rule TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER desk_outbox_insert AFTER INSERT ON articles
        WHEN NOT EXISTS (SELECT 1 FROM desk_applying)
      BEGIN
        INSERT INTO desk_outbox (article_id, queued_at) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ'));
      END;
      CREATE TRIGGER desk_outbox_update AFTER UPDATE OF version ON articles
        WHEN NOT EXISTS (SELECT 1 FROM desk_applying)
          AND NOT EXISTS (SELECT 1 FROM desk_outbox WHERE article_id = NEW.id AND mutations IS NULL)
      BEGIN
        INSERT INTO desk_outbox (article_id, queued_at) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ'));
      END;
    `);
  },
};
