import type { Migration } from '../migrate';

export const migration005: Migration = {
  version: 5,
  name: 'photos',
  up: (db) => {
    db.exec(`
      CREATE TABLE photos (
        id TEXT PRIMARY KEY CHECK (length(id) = 64),
        original_name TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'tiff')),
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        meta TEXT NOT NULL CHECK (json_valid(meta)),
        -- Lower-cased text of caption, credit and keywords, exact and folded (đ→d), for search.
        search_exact TEXT NOT NULL,
        search_folded TEXT NOT NULL
      ) STRICT;
      CREATE INDEX photos_by_date ON photos (imported_at DESC);
      CREATE TABLE photo_uses (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        photo_id TEXT NOT NULL,
        PRIMARY KEY (article_id, photo_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX photo_uses_by_photo ON photo_uses (photo_id);
    `);
    // Figures already in articles count as uses.
    db.exec(`
      INSERT OR IGNORE INTO photo_uses (article_id, photo_id)
      SELECT articles.id, json_extract(block.value, '$.photoId') FROM articles, json_each(articles.body) AS block
      WHERE json_extract(block.value, '$.type') = 'figure'
    `);
  },
};
