import BetterSqlite3 from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { callService, archiveAtVersion } from '../../testing/testCore';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { emptyContent, paragraph } from '../../../shared/article/article';
import { sha256, tempDir } from '../../testing/tempDir';
import { startArchive } from '../archiveService';
import type { ArchiveService } from '../archiveService';
import { ArchiveOpenError } from '../CoreError';
import { archivePath } from '../dataDir';
import { dispatch } from '../dispatch';
import { createArticle, saveArticle } from './articleStore';
import { backupIfStale, backupsKept, listBackups, makeBackup, verifyBackup } from './backups';
import { openArchive } from './openArchive';
import { assessArchive } from './recovery';

function fill(db: BetterSqlite3.Database, count: number, prefix = 'Bài'): void {
  for (let index = 0; index < count; index += 1) {
    const article = createArticle(db, emptyContent(`${prefix} số ${index}`));
    saveArticle(db, article.id, 1, {
      body: Array.from({ length: 20 }, (_, n) =>
        paragraph(`Đoạn ${n} của ${prefix.toLowerCase()} ${index}: `.repeat(20)),
      ),
    });
  }
}

/** A data folder whose archive has `count` articles and one good backup of them. */
async function dataDirWithBackup(count: number): Promise<string> {
  const dataDir = tempDir();
  const db = openArchive(archivePath(dataDir));
  fill(db, count);
  await makeBackup(db, dataDir, 'manual', new Date('2026-11-20T08:00:00Z'));
  db.close();
  return dataDir;
}

const call = async <T>(service: ArchiveService, method: string, input: unknown = {}) =>
  (await dispatch(service.handlers, method, input)) as Result<T>;

function damage(file: string, how: 'truncated' | 'zeroed page' | 'garbage'): void {
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = DELETE');
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const { rootpage } = raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").get() as {
    rootpage: number;
  };
  raw.close();
  if (how === 'truncated') truncateSync(file, Math.floor(statSync(file).size / 3));
  if (how === 'garbage') writeFileSync(file, 'ảnh: MINH TUẤN — not a database at all');
  if (how === 'zeroed page') {
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);
  }
}

describe('backups', () => {
  it('are made online while the archive is written, checked, and rotated', async () => {
    const dataDir = tempDir();
    const db = openArchive(archivePath(dataDir));
    fill(db, 20);
    const writing = (async () => {
      for (let i = 0; i < 20; i += 1) {
        createArticle(db, emptyContent(`Trong lúc sao lưu ${i}`));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const backup = await makeBackup(db, dataDir, 'manual');
    await writing;
    expect(backup.ok).toBe(true);
    expect(backup.problems).toEqual(['ok']);
    expect(backup.articles).toBeGreaterThanOrEqual(20);
    const reread = new BetterSqlite3(backup.file, { readonly: true });
    expect(reread.pragma('integrity_check', { simple: true })).toBe('ok');
    reread.close();
    for (let day = 0; day < backupsKept.daily + 3; day += 1)
      await makeBackup(db, dataDir, 'daily', new Date(Date.UTC(2026, 0, 1 + day)));
    const daily = listBackups(dataDir).filter((candidate) => candidate.reason === 'daily');
    expect(daily).toHaveLength(backupsKept.daily);
    expect(daily.at(-1)?.createdAt).toBe('2026-01-04T00:00:00.000Z');
    expect(listBackups(dataDir).filter((candidate) => candidate.reason === 'manual')).toHaveLength(1);
    // Nothing but the backups themselves: no partial file, and no -wal or -shm beside one (a backup is a plain file).
    expect(
      readdirSync(join(dataDir, 'backups')).filter(
        (name) => !/^archive-\d{8}T\d{9}Z-(daily|manual)\.sqlite3$/.test(name),
      ),
    ).toEqual([]);
    db.close();
  });

  it('are made at start only when the newest is older than a day', async () => {
    const dataDir = tempDir();
    const db = openArchive(archivePath(dataDir));
    const first = await backupIfStale(db, dataDir, new Date('2026-11-24T08:00:00Z'));
    expect(first?.reason).toBe('daily');
    expect(await backupIfStale(db, dataDir, new Date('2026-11-24T20:00:00Z'))).toBeUndefined();
    expect((await backupIfStale(db, dataDir, new Date('2026-11-25T09:00:00Z')))?.reason).toBe('daily');
    db.close();
  });

  it('is made before every migration, of the archive as it was', async () => {
    const { db: old, dataDir } = archiveAtVersion(3);
    old
      .prepare(
        `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at) VALUES ('Cũ', '[]', '{}', '', 'draft', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
      )
      .run();
    old.close();
    const service = await startArchive(dataDir);
    const [backup] = listBackups(dataDir);
    expect(backup?.reason).toBe('before-migration');
    const checked = verifyBackup(backup as NonNullable<typeof backup>);
    expect(checked).toMatchObject({ ok: true, schemaVersion: 3, articles: 1 });
    expect((await callService(service, 'articles.list', {})).articles.map((article) => article.headline)).toEqual([
      'Cũ',
    ]);
    service.close();
  });
});

describe('a damaged archive at start', () => {
  for (const how of ['truncated', 'zeroed page', 'garbage'] as const) {
    it(`(${how}) is moved aside untouched, and the latest good backup brings the work back`, async () => {
      const dataDir = await dataDirWithBackup(30);
      damage(archivePath(dataDir), how);
      const damagedHash = sha256(archivePath(dataDir));

      // The CLI refuses it and changes nothing.
      await expect(startArchive(dataDir)).rejects.toBeInstanceOf(ArchiveOpenError);
      expect(sha256(archivePath(dataDir))).toBe(damagedHash);

      // The editor moves it aside and starts in recovery.
      const service = await startArchive(dataDir, { recover: true });
      const status = await callService(service, 'archive.status', {});
      if (status.state !== 'recovery') throw new Error('expected recovery');
      expect(status.problem.kind).toBe(how === 'garbage' ? 'not_sqlite' : 'damaged');
      expect(existsSync(archivePath(dataDir))).toBe(false);
      expect(sha256(join(status.setAsideDir, 'archive.sqlite3'))).toBe(damagedHash);
      expect(existsSync(join(status.setAsideDir, 'WHAT-HAPPENED.txt'))).toBe(true);
      expect(status.backups).toEqual([expect.objectContaining({ ok: true, articles: 30 })]);
      expect(status.canUseSetAside).toBe(false);
      expect(await call(service, 'articles.list')).toMatchObject({ ok: false, error: { code: 'archive_problem' } });

      const recovered = await callService(service, 'archive.recover', {
        action: 'restore-backup',
        backup: status.backups[0]?.name,
      });
      expect(recovered.state).toBe('open');
      expect((await callService(service, 'articles.list', {})).articles).toHaveLength(30);
      await callService(service, 'articles.create', { headline: 'Sau khi khôi phục' });
      service.close();
      expect(sha256(join(status.setAsideDir, 'archive.sqlite3'))).toBe(damagedHash);
    });
  }

  it('with a stray write-ahead log from another archive: the log is set aside and the archive can be used without it', async () => {
    const dataDir = await dataDirWithBackup(10);
    const mainHash = sha256(archivePath(dataDir));
    // Another archive, still open with its changes only in its log; its log is copied over.
    const other = tempDir();
    const foreign = openArchive(archivePath(other));
    foreign.pragma('wal_autocheckpoint = 0');
    fill(foreign, 40, 'Khác');
    copyFileSync(`${archivePath(other)}-wal`, `${archivePath(dataDir)}-wal`);
    foreign.close();

    expect(assessArchive(dataDir)?.kind).toBe('stray_wal');
    const service = await startArchive(dataDir, { recover: true });
    const status = await callService(service, 'archive.status', {});
    if (status.state !== 'recovery') throw new Error('expected recovery');
    expect(status.problem.kind).toBe('stray_wal');
    expect(status.canUseSetAside).toBe(true);
    expect(existsSync(join(status.setAsideDir, 'archive.sqlite3-wal'))).toBe(true);
    await callService(service, 'archive.recover', { action: 'use-set-aside' });
    const { articles } = await callService(service, 'articles.list', {});
    expect(articles).toHaveLength(10);
    expect(articles.every((article) => article.headline.startsWith('Bài'))).toBe(true);
    service.close();
    expect(sha256(join(status.setAsideDir, 'archive.sqlite3'))).toBe(mainHash);
  });

  it('with a log of another archive beside it after a crash: told apart by the archive identity', () => {
    const dataDir = tempDir();
    const own = openArchive(archivePath(dataDir));
    own.pragma('wal_autocheckpoint = 0');
    fill(own, 5);
    const other = tempDir();
    const foreign = openArchive(archivePath(other));
    foreign.pragma('wal_autocheckpoint = 0');
    fill(foreign, 8, 'Khác');
    copyFileSync(`${archivePath(other)}-wal`, `${archivePath(dataDir)}-wal.foreign`);
    foreign.close();
    own.close();
    // The foreign log where the archive's own was.
    copyFileSync(`${archivePath(dataDir)}-wal.foreign`, `${archivePath(dataDir)}-wal`);
    expect(assessArchive(dataDir)).toMatchObject({ kind: 'stray_wal' });
    expect(assessArchive(dataDir)?.message).toContain('another archive');
  });

  it('can be left aside for a fresh, empty archive', async () => {
    const dataDir = await dataDirWithBackup(3);
    damage(archivePath(dataDir), 'garbage');
    const service = await startArchive(dataDir, { recover: true });
    await callService(service, 'archive.recover', { action: 'start-empty' });
    expect((await callService(service, 'articles.list', {})).articles).toEqual([]);
    expect(await call(service, 'archive.recover', { action: 'start-empty' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    service.close();
  });

  it('a clean close leaves no session marker and no log', async () => {
    const dataDir = tempDir();
    const first = await startArchive(dataDir, { recover: true });
    await callService(first, 'articles.create', { headline: 'Một' });
    first.close();
    expect(readdirSync(join(dataDir, 'sessions'))).toEqual([]);
    expect(existsSync(`${archivePath(dataDir)}-wal`)).toBe(false);
    const second = await startArchive(dataDir, { recover: true });
    expect((await callService(second, 'archive.status', {})).state).toBe('open');
    second.close();
  });
});
