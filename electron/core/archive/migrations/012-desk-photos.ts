import type { Migration } from '../migrate';

export const migration012: Migration = {
  version: 12,
  name: 'photos on the desk: every new or edited photo queued in its own transaction',
  up: (db) => {
    db.exec(`
      -- A photo this laptop shares with the desk: the desk's version and record it last saw (the
      -- base of the next merge), and whether the desk has its original.
      CREATE TABLE desk_photos (
        photo_id TEXT PRIMARY KEY REFERENCES photos (id),
        desk_version INTEGER NOT NULL DEFAULT 0,
        base TEXT NOT NULL CHECK (json_valid(base)),
        original_on_desk INTEGER NOT NULL DEFAULT 0 CHECK (original_on_desk IN (0, 1))
      ) STRICT;
      -- What waits to be sent, as desk_outbox does for articles; 'mutation' is set once prepared.
      CREATE TABLE desk_photo_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        photo_id TEXT NOT NULL REFERENCES photos (id),
        mutation TEXT CHECK (mutation IS NULL OR json_valid(mutation)),
        queued_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX desk_photo_outbox_by_photo ON desk_photo_outbox (photo_id);
      CREATE TABLE desk_photo_refusals (
        id INTEGER PRIMARY KEY,
        photo_id TEXT NOT NULL REFERENCES photos (id),
        rule TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER desk_photo_outbox_insert AFTER INSERT ON photos
        WHEN NOT EXISTS (SELECT 1 FROM desk_applying)
      BEGIN
        INSERT INTO desk_photo_outbox (photo_id, queued_at) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ'));
      END;
      CREATE TRIGGER desk_photo_outbox_update AFTER UPDATE OF version ON photos
        WHEN NOT EXISTS (SELECT 1 FROM desk_applying)
          AND NOT EXISTS (SELECT 1 FROM desk_photo_outbox WHERE photo_id = NEW.id AND mutation IS NULL)
      BEGIN
        INSERT INTO desk_photo_outbox (photo_id, queued_at) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ'));
      END;
      -- The photos already here go to the desk too, the first time this laptop joins one.
      INSERT INTO desk_photo_outbox (photo_id, queued_at)
        SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ') FROM photos ORDER BY imported_at;
    `);
  },
};
