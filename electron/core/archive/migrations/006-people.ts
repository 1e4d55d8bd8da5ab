import type { Migration } from '../migrate';

export const migration006: Migration = {
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
};
