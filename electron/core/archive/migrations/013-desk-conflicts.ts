import type { Migration } from '../migrate';

export const migration013: Migration = {
  version: 13,
  name: 'desk conflicts: the other text of a conflict, until a person settles it',
  up: (db) => {
    db.exec(`
      -- An article the desk marked: who changed the same words, the version that keeps the other
      -- text, and that text; 'resolved' once a person chose here (the next push settles it on the desk).
      CREATE TABLE desk_conflicts (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        authors TEXT NOT NULL CHECK (json_valid(authors)),
        version INTEGER NOT NULL,
        fields TEXT NOT NULL CHECK (json_valid(fields)),
        kept TEXT NOT NULL CHECK (json_valid(kept)),
        resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
      ) STRICT;
    `);
  },
};
