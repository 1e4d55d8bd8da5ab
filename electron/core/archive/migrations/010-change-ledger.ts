import type { Migration } from '../migrate';

export const migration010: Migration = {
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
};
