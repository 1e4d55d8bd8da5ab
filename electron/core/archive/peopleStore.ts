import type { Database } from 'better-sqlite3';
import type { Person } from '../../../shared/people/person';
import { personKey, personName } from '../../../shared/people/person';
import { cached } from './statements';

export function listPeople(db: Database): Person[] {
  return db.prepare<[], Person>('SELECT name, display, unit FROM people ORDER BY key').all();
}

/** Adds the names not yet known (in the caller's transaction when there is one). */
export function registerNames(db: Database, names: readonly string[]): void {
  const insert = cached(db, 'INSERT OR IGNORE INTO people (key, name, updated_at) VALUES (?, ?, ?)');
  const at = new Date().toISOString();
  for (const raw of names) {
    const name = personName(raw);
    if (name !== '') insert.run(personKey(name), name, at);
  }
}

/** Sets a person's display form and unit (adding them when new). */
export function savePerson(db: Database, person: Person): Person {
  db.prepare(
    `INSERT INTO people (key, name, display, unit, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name, display = excluded.display, unit = excluded.unit, updated_at = excluded.updated_at`,
  ).run(personKey(person.name), person.name, person.display, person.unit, new Date().toISOString());
  return person;
}
