import type { Database } from 'better-sqlite3';
import { latestVersion } from './migrate';

export interface ArchiveReport {
  file: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  journalMode: string;
  integrity: string[];
  foreignKeyProblems: number;
  articles: number;
  ok: boolean;
}

/** A full integrity check of an open archive (doctor); quick_check already ran at open. */
export function checkArchive(db: Database): ArchiveReport {
  const integrity = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map(
    (row) => row.integrity_check,
  );
  const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  return {
    file: db.name,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    latestSchemaVersion: latestVersion(),
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    integrity,
    foreignKeyProblems,
    articles,
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyProblems === 0,
  };
}
