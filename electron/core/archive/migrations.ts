import type { Database } from 'better-sqlite3';
import type { PhotoMeta } from '../../../shared/photos/photo';
import { emptyPhotoMeta } from '../../../shared/photos/photo';
import { photoSearchTexts } from '../photos/photoStore';
import { searchIndexTablesSql } from '../search/searchIndex';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Append-only: never edit a migration that has shipped; add the next number. */
export const migrations: readonly Migration[] = [
  {
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
  },
  {
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
  },
  {
    version: 3,
    name: 'search: exact and folded full-text indexes',
    up: (db) => {
      // As schema 3 made them (a migration never changes): schema 9 puts the body first.
      db.exec(`
        CREATE TABLE search_pending (article_id INTEGER PRIMARY KEY) STRICT;
        CREATE VIRTUAL TABLE search_exact USING fts5(headline, lead, body, extra, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE search_folded USING fts5(headline, lead, body, extra, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
      `);
      // Existing articles are indexed on the first search, not during the migration.
      db.exec('INSERT INTO search_pending (article_id) SELECT id FROM articles');
    },
  },
  {
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
  },
  {
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
  },
  {
    version: 6,
    name: 'people: the contributor registry',
    up: (db) => {
      db.exec(`
        CREATE TABLE people (
          key TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          display TEXT NOT NULL DEFAULT '',
          unit TEXT NOT NULL DEFAULT '',
          updated_at TEXT NOT NULL
        ) STRICT;
      `);
      // Everyone already named in an article's contributors or as a photo's creator.
      const names = db
        .prepare<[], { name: string }>(
          `SELECT json_extract(person.value, '$.name') AS name FROM articles, json_each(articles.content, '$.contributors') AS person
           UNION SELECT json_extract(meta, '$.creator') FROM photos`,
        )
        .all();
      const insert = db.prepare(
        "INSERT OR IGNORE INTO people (key, name, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ'))",
      );
      for (const { name } of names) {
        const trimmed = typeof name === 'string' ? name.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
        if (trimmed !== '') insert.run(trimmed.toLocaleLowerCase('vi'), trimmed);
      }
    },
  },
  {
    version: 7,
    name: 'search: the exact index keeps only words with marks',
    up: (db) => {
      db.exec("INSERT INTO search_exact (search_exact) VALUES ('delete-all')");
      db.exec('INSERT OR IGNORE INTO search_pending (article_id) SELECT id FROM articles');
    },
  },
  {
    version: 8,
    name: 'photos: search text in the forms article search uses (so either tone style matches)',
    up: (db) => {
      const update = db.prepare('UPDATE photos SET search_exact = ?, search_folded = ? WHERE id = ?');
      for (const row of db
        .prepare<[], { id: string; original_name: string; meta: string }>('SELECT id, original_name, meta FROM photos')
        .all()) {
        const texts = photoSearchTexts(
          { ...emptyPhotoMeta(), ...(JSON.parse(row.meta) as Partial<PhotoMeta>) },
          row.original_name,
        );
        update.run(texts.exact, texts.folded, row.id);
      }
    },
  },
  {
    version: 9,
    name: 'search: the body first in both indexes (smaller), rebuilt from the articles',
    up: (db) => {
      db.exec(`DROP TABLE search_exact; DROP TABLE search_folded; ${searchIndexTablesSql}`);
      db.exec('INSERT OR IGNORE INTO search_pending (article_id) SELECT id FROM articles');
    },
  },
  {
    version: 10,
    name: 'the change ledger: a count of every change, to tell a folded log from a lost one',
    up: (db) => {
      // backup_of is set only in backup copies, so a backup put back by hand is told apart
      // from an archive that lost its write-ahead log.
      db.exec(`
        CREATE TABLE archive_ledger (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          changes INTEGER NOT NULL CHECK (changes >= 0),
          backup_of TEXT
        ) STRICT;
        INSERT INTO archive_ledger (id, changes) VALUES (1, 0);
      `);
      // Written out table by table, as schema 10 had them (a migration never imports live code).
      for (const table of ['articles', 'status_changes', 'settings', 'revisions', 'photos', 'photo_uses', 'people']) {
        for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
          db.exec(`
            CREATE TRIGGER ledger_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
            BEGIN UPDATE archive_ledger SET changes = changes + 1 WHERE id = 1; END;
          `);
        }
      }
    },
  },
];

export const latestVersion = (list: readonly Migration[] = migrations): number =>
  list.reduce((max, migration) => Math.max(max, migration.version), 0);

/** Runs every pending migration in one transaction; a failure leaves the file as it was. */
export function migrate(db: Database, list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((migration) => migration.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return current;
  const target = latestVersion(list);
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}
