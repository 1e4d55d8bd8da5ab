import type BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { callService } from '../../testing/testCore';
import { describe, expect, it } from 'vitest';
import {
  crashAfterSaves,
  headlineWithoutLog,
  newsroomFolder,
  startArchiveProcess,
} from '../../testing/archiveProcessDriver';
import { sha256, tempDir } from '../../testing/tempDir';
import { startArchive } from '../archiveService';
import { ArchiveOpenError } from '../CoreError';
import { archivePath } from '../dataDir';
import { makeBackup } from './backups';

// Real Newsroom processes killed with SIGKILL, real SQLite programs folding the log in.
// The data folder's path has spaces and Vietnamese letters throughout.

const python = `import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
print(connection.execute('pragma integrity_check').fetchone()[0])
connection.close()`;

const openers: Record<string, (dataDir: string) => void | Promise<void>> = {
  'the sqlite3 shell': (dataDir) => {
    const run = spawnSync('sqlite3', [archivePath(dataDir), 'pragma integrity_check;'], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.stdout.trim()).toBe('ok');
  },
  "Python's sqlite3": (dataDir) => {
    const run = spawnSync('python3', ['-c', python, archivePath(dataDir)], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.stdout.trim()).toBe('ok');
  },
  'a second Newsroom process': async (dataDir) => {
    await (await startArchiveProcess(dataDir)).close();
  },
};

describe('an archive whose log another program folded in after a crash', () => {
  for (const crashes of [1, 3]) {
    for (const [opener, open] of Object.entries(openers)) {
      it(`opens with every save there: ${crashes} crash(es), then ${opener}`, async () => {
        const dataDir = newsroomFolder();
        const last = await crashAfterSaves(dataDir, crashes);
        // The last save is only in the log, and the other program folds the log in and deletes it.
        expect(headlineWithoutLog(dataDir)).not.toBe(last.headline);
        await open(dataDir);
        expect(existsSync(`${archivePath(dataDir)}-wal`)).toBe(false);
        expect(headlineWithoutLog(dataDir)).toBe(last.headline);

        // The CLI refuses anything it doubts; here it opens, with the last acknowledged save.
        const service = await startArchive(dataDir);
        const article = await callService(service, 'articles.get', { id: 1 });
        expect({ headline: article.headline, version: article.version }).toEqual(last);
        service.close();
      });
    }
  }
});

describe('an archive whose log was really lost, with acknowledged saves in it', () => {
  for (const crashes of [1, 3]) {
    it(`is caught after ${crashes} crash(es), and left untouched`, async () => {
      const dataDir = newsroomFolder();
      const last = await crashAfterSaves(dataDir, crashes);
      expect(headlineWithoutLog(dataDir)).not.toBe(last.headline);
      rmSync(`${archivePath(dataDir)}-wal`);
      rmSync(`${archivePath(dataDir)}-shm`);
      const hash = sha256(archivePath(dataDir));

      // The CLI refuses it and changes nothing.
      const refused = await startArchive(dataDir).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(ArchiveOpenError);
      expect((refused as Error).message).toMatch(
        /fewer changes than Newsroom had saved in it \(\d+ of \d+\).*archive\.sqlite3-wal/,
      );
      expect(sha256(archivePath(dataDir))).toBe(hash);
      expect(existsSync(`${archivePath(dataDir)}-wal`)).toBe(false);

      // The editor moves it aside as it is and offers it, or a backup.
      const service = await startArchive(dataDir, { recover: true });
      const status = await callService(service, 'archive.status', {});
      if (status.state !== 'recovery') throw new Error('expected recovery');
      expect(status.problem.kind).toBe('missing_wal');
      expect(status.canUseSetAside).toBe(true);
      expect(sha256(join(status.setAsideDir, 'archive.sqlite3'))).toBe(hash);

      // Chosen as it is, it opens, and a log lost later is caught again.
      await callService(service, 'archive.recover', { action: 'use-set-aside' });
      expect(
        (await callService(service, 'articles.list', {})).articles.map((article) => article.headline),
      ).not.toContain(last.headline);
      service.close();
      const again = await crashAfterSaves(dataDir, 1);
      expect(headlineWithoutLog(dataDir)).not.toBe(again.headline);
      rmSync(`${archivePath(dataDir)}-wal`);
      await expect(startArchive(dataDir)).rejects.toBeInstanceOf(ArchiveOpenError);
    });
  }

  it('is not confused with a backup copied over the archive by hand', async () => {
    const dataDir = newsroomFolder();
    const service = await startArchive(dataDir);
    const article = await callService(service, 'articles.create', { headline: 'Bản đã sao lưu' });
    await makeBackup(service.db() as BetterSqlite3.Database, dataDir, 'manual');
    await callService(service, 'articles.save', {
      id: article.id,
      baseVersion: article.version,
      headline: 'Sau khi sao lưu',
    });
    service.close();
    const [backup] = readdirSync(join(dataDir, 'backups'));
    copyFileSync(join(dataDir, 'backups', backup ?? ''), archivePath(dataDir));

    const restored = await startArchive(dataDir);
    expect((await callService(restored, 'articles.get', { id: article.id })).headline).toBe('Bản đã sao lưu');
    restored.close();
    // Once opened it is the archive again: its own lost log is caught.
    await crashAfterSaves(dataDir, 1);
    rmSync(`${archivePath(dataDir)}-wal`);
    await expect(startArchive(dataDir)).rejects.toBeInstanceOf(ArchiveOpenError);
  });
});

describe('a data folder Newsroom cannot write', () => {
  it('is refused with a clear message and nothing in it changes', async () => {
    const parent = tempDir();
    const dataDir = join(parent, 'Dữ liệu chỉ đọc');
    const service = await startArchive(dataDir);
    await callService(service, 'articles.create', { headline: 'Bài trong thư mục chỉ đọc' });
    service.close();
    const before = readdirSync(dataDir, { recursive: true }).map(String).sort();
    const hash = sha256(archivePath(dataDir));
    spawnSync('chmod', ['-R', 'a-w,a+rX', dataDir]);
    spawnSync('chmod', ['a+rx', parent]);
    try {
      // Root may write anywhere: the CLI runs as nobody there, as a user without write access.
      const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
      const [command = '', ...args] = [
        ...asUser,
        process.execPath,
        '--import',
        'tsx',
        join(import.meta.dirname, '..', '..', 'cli', 'main.ts'),
        'article',
        'list',
        '--data-dir',
        dataDir,
      ];
      const run = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, HOME: parent } });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(`The data folder ${dataDir} cannot be written (permission denied)`);
      expect(run.stderr).toContain('Nothing was changed');
    } finally {
      spawnSync('chmod', ['-R', 'u+w', dataDir]);
    }
    expect(readdirSync(dataDir, { recursive: true }).map(String).sort()).toEqual(before);
    expect(sha256(archivePath(dataDir))).toBe(hash);
    expect(statSync(archivePath(dataDir)).size).toBeGreaterThan(0);
  });
});
