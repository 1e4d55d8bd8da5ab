import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, openSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyContent, paragraph } from '../../../shared/article/article';
import { sha256, tempDir } from '../../testing/tempDir';
import { ArchiveOpenError } from '../CoreError';
import { createArticle, saveArticle } from './articleStore';
import { latestVersion } from './migrate';
import type { Migration } from './migrate';
import { openArchive } from './openArchive';

function archiveWithArticles(count: number): string {
  const file = join(tempDir(), 'archive.sqlite3');
  const db = openArchive(file);
  for (let index = 0; index < count; index += 1) {
    const article = createArticle(db, emptyContent(`Bài số ${index}`));
    const body = Array.from({ length: 20 }, (_, n) => paragraph(`Đoạn ${n} của bài ${index}: `.repeat(20)));
    saveArticle(db, article.id, 1, { headline: article.headline, body });
  }
  db.close();
  return file;
}

function expectRefused(file: string, reason: ArchiveOpenError['reason']): void {
  const before = sha256(file);
  let thrown: unknown;
  try {
    openArchive(file).close();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ArchiveOpenError);
  expect((thrown as ArchiveOpenError).reason).toBe(reason);
  expect((thrown as ArchiveOpenError).message).toContain(file);
  expect(sha256(file)).toBe(before);
}

describe('openArchive', () => {
  it('creates a fresh archive at the latest schema with WAL, FULL sync and foreign keys', () => {
    const file = join(tempDir(), 'archive.sqlite3');
    const db = openArchive(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(existsSync(file)).toBe(true);
  });

  it('opens its own archive again and keeps what was written', () => {
    const file = archiveWithArticles(3);
    const db = openArchive(file);
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 3 });
    db.close();
  });

  it('refuses an archive from a newer version and leaves it unchanged', () => {
    const file = archiveWithArticles(1);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${latestVersion() + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    expectRefused(file, 'newer');
    expect(() => openArchive(file)).toThrow(/newer version/);
  });

  it('refuses a file that is not SQLite and leaves it unchanged', () => {
    const file = join(tempDir(), 'archive.sqlite3');
    writeFileSync(file, 'Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN\n'.repeat(200));
    expectRefused(file, 'not_sqlite');
  });

  it('refuses a damaged archive (the root page of its articles table zeroed) and leaves it unchanged', () => {
    const file = archiveWithArticles(40);
    const raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = DELETE');
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const { rootpage } = raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").get() as {
      rootpage: number;
    };
    raw.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);
    expectRefused(file, 'damaged');
  });

  it('refuses a truncated archive and leaves it unchanged', () => {
    const file = archiveWithArticles(40);
    const raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    truncateSync(file, Math.floor(statSync(file).size / 3));
    expectRefused(file, 'damaged');
  });

  it('runs pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const file = join(tempDir(), 'archive.sqlite3');
    const first: Migration = {
      version: 1,
      name: 'articles',
      up: (db) => db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY)'),
    };
    openArchive(file, { migrations: [first] }).close();
    const failing: Migration[] = [
      first,
      { version: 2, name: 'adds a table', up: (db) => db.exec('CREATE TABLE extra (x TEXT)') },
      { version: 3, name: 'breaks', up: (db) => db.exec('THIS IS NOT SQL') },
    ];
    expect(() => openArchive(file, { migrations: failing })).toThrow(ArchiveOpenError);
    const db = openArchive(file, { migrations: [first] });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
    db.close();
  });

  it('migrates an older archive forward', () => {
    const file = join(tempDir(), 'archive.sqlite3');
    const later: Migration[] = [
      { version: 1, name: 'articles', up: (db) => db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY)') },
      { version: 2, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)') },
    ];
    openArchive(file, { migrations: later.slice(0, 1) }).close();
    const db = openArchive(file, { migrations: later });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toEqual({ name: 'notes' });
    db.close();
  });
});
