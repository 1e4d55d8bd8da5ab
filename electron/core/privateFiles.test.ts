import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { callService } from '../testing/testCore';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/article/article';
import { tempDir } from '../testing/tempDir';
import { makeBackup } from './archive/backups';
import { startArchive } from './archiveService';
import type { ArchiveService } from './archiveService';

const everything = (dir: string): string[] =>
  readdirSync(dir, { recursive: true }).map((name) => join(dir, String(name)));

describe('what Newsroom writes in the data folder', () => {
  it('is the user’s alone (0600 files, 0700 folders) in a folder of mode 0755 under umask 022', async () => {
    const dataDir = join(tempDir(), 'Dữ liệu');
    const before = process.umask(0o022);
    try {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dataDir, { mode: 0o755 });
      chmodSync(dataDir, 0o755);
      const service = await startArchive(dataDir);
      const article = await callService(service, 'articles.create', { headline: 'Tin riêng tư' });
      const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
        .jpeg()
        .toBuffer();
      await callService(service, 'photos.import', { fileName: 'anh.jpg', dataBase64: jpeg.toString('base64') });
      await makeBackup(service.db() as NonNullable<ReturnType<ArchiveService['db']>>, dataDir, 'manual');
      await callService(service, 'articles.export', { id: article.id, draft: true });
      // While it is open: the archive's log and index too.
      const open = everything(dataDir);
      expect(open.some((path) => path.endsWith('archive.sqlite3-wal'))).toBe(true);
      const shared = (paths: string[]) =>
        paths
          .filter((path) => (statSync(path).mode & 0o077) !== 0)
          .map((path) => `${path} ${(statSync(path).mode & 0o777).toString(8)}`);
      expect(shared(open)).toEqual([]);
      service.close();
      const closed = everything(dataDir);
      for (const part of ['backups', 'photos', 'exports', 'sessions', 'archive.ledger'])
        expect(
          closed.some((path) => path.includes(part)),
          part,
        ).toBe(true);
      expect(shared(closed)).toEqual([]);
    } finally {
      process.umask(before);
    }
  });

  it('mends an archive that was left readable by others', async () => {
    const dataDir = tempDir();
    (await startArchive(dataDir)).close();
    chmodSync(join(dataDir, 'archive.sqlite3'), 0o644);
    (await startArchive(dataDir)).close();
    expect(statSync(join(dataDir, 'archive.sqlite3')).mode & 0o777).toBe(0o600);
  });
});

describe('two exports of articles with the same slug in the same second', () => {
  it('go into two folders', async () => {
    const dataDir = tempDir();
    const service = await startArchive(dataDir);
    const dirs: string[] = [];
    const articles: Article[] = [];
    for (const headline of ['Bản tin sáng', 'Bản tin chiều']) {
      const article = await callService(service, 'articles.create', { headline });
      await callService(service, 'articles.save', {
        id: article.id,
        baseVersion: article.version,
        slug: 'ban-tin',
        lead: [{ text: 'Sapo.' }],
      });
      articles.push(article);
    }
    const results = await Promise.all(
      articles.map((article) => callService(service, 'articles.export', { id: article.id, draft: true })),
    );
    for (const result of results) dirs.push(result.dir ?? '');
    expect(new Set(dirs).size).toBe(2);
    service.close();
  });
});
