import { execFile, execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cli } from '../testing/testCli';
import { describe, expect, it } from 'vitest';
import { archivePath } from '../core/dataDir';
import { sha256, tempDir } from '../testing/tempDir';

describe('newsroom CLI', () => {
  it('creates, lists and shows articles, in text and JSON', async () => {
    const dataDir = tempDir();
    const created = await cli([
      'article',
      'new',
      '--headline',
      'Hội nghị tổng kết công tác Đảng',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      id: 1,
      headline: 'Hội nghị tổng kết công tác Đảng',
      status: 'draft',
      version: 1,
    });
    await cli(['article', 'new', '--headline', 'Second', '--data-dir', dataDir]);

    const listed = await cli(['article', 'list', '--json', '--data-dir', dataDir]);
    const articles = JSON.parse(listed.stdout) as { id: number; headline: string; status: string; version: number }[];
    expect(articles.map((article) => article.headline).sort()).toEqual(['Hội nghị tổng kết công tác Đảng', 'Second']);
    for (const article of articles)
      expect(Object.keys(article)).toEqual(expect.arrayContaining(['id', 'headline', 'status', 'version']));

    const text = await cli(['article', 'list', '--data-dir', dataDir]);
    expect(text.stdout).toContain('Hội nghị tổng kết công tác Đảng');
    const shown = await cli(['article', 'show', '1', '--data-dir', dataDir]);
    expect(shown.stdout.split('\n')[0]).toBe('Hội nghị tổng kết công tác Đảng');
    expect(shown.stdout).toContain('version 1');
  });

  it('article update edits through the core rules; a refused transition exits non-zero with the reason', async () => {
    const dataDir = tempDir();
    await cli(['article', 'new', '--headline', 'Tin', '--data-dir', dataDir]);
    const updated = await cli([
      'article',
      'update',
      '1',
      '--headline',
      'Hội nghị',
      '--section',
      'Quốc phòng',
      '--tags',
      'CNQP, Đảng',
      '--status',
      'submitted',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({
      id: 1,
      headline: 'Hội nghị',
      section: 'Quốc phòng',
      tags: ['CNQP', 'Đảng'],
      status: 'submitted',
      version: 3,
    });

    const refused = await cli(['article', 'update', '1', '--status', 'exported', '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot become exported');
    expect(refused.stderr).toContain('edited, draft, spiked');
    expect((await cli(['article', 'update', '1', '--status', 'published', '--data-dir', dataDir])).code).toBe(1);
    expect((await cli(['article', 'update', '1', '--data-dir', dataDir])).code).toBe(2);
    const shown = JSON.parse((await cli(['article', 'show', '1', '--json', '--data-dir', dataDir])).stdout) as {
      status: string;
      version: number;
    };
    expect(shown).toMatchObject({ status: 'submitted', version: 3 });
  });

  it('import and check: the sample gives its two copy-desk findings, with fixes', async () => {
    const dataDir = tempDir();
    const sample = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-article-vi.txt');
    const imported = await cli(['import', sample, '--json', '--data-dir', dataDir]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      id: 1,
      outletPrefix: 'CNQP&KT',
      kind: 'news',
      contributors: [{ name: 'NGUYÊN KHÔI' }, { name: 'MINH TUẤN' }],
    });
    const checked = await cli(['check', '1', '--json', '--data-dir', dataDir]);
    expect(checked.code).toBe(1);
    const { findings, preflight } = JSON.parse(checked.stdout) as {
      findings: { rule: string; fix?: string }[];
      preflight: { severity: string; code: string }[];
    };
    // Imported, the story has no headline yet and is a draft: the preflight says both.
    expect(preflight.map((item) => [item.severity, item.code])).toEqual([
      ['error', 'missing-headline'],
      ['warning', 'status'],
    ]);
    expect(findings.map((finding) => [finding.rule, finding.fix])).toEqual([
      ['merged-word', 'bày báo'],
      ['space-after-punctuation', ', '],
    ]);
    const text = await cli(['check', '1', '--data-dir', dataDir]);
    expect(text.stdout).toContain('merged-word: “bàybáo” → fix: “bày báo”');
    expect((await cli(['import', join(dataDir, 'missing.docx'), '--data-dir', dataDir])).stderr).toContain(
      'Cannot read',
    );
  });

  it('article tone-style writes the whole article in one style, through a normal save', async () => {
    const dataDir = tempDir();
    await cli(['article', 'new', '--headline', 'Thuỷ điện Hoà Bình và hòa hợp', '--data-dir', dataDir]);
    const applied = await cli(['article', 'tone-style', '1', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(applied.stdout)).toMatchObject({ style: 'òa', changedWords: 2, version: 2 });
    const shown = JSON.parse((await cli(['article', 'show', '1', '--json', '--data-dir', dataDir])).stdout) as {
      headline: string;
    };
    expect(shown.headline).toBe('Thủy điện Hòa Bình và hòa hợp');
    expect((await cli(['article', 'tone-style', '1', '--style', 'oà', '--data-dir', dataDir])).stdout).toContain(
      '3 word(s) now in the oà style',
    );
    expect((await cli(['article', 'tone-style', '1', '--style', 'old', '--data-dir', dataDir])).code).toBe(2);
  });

  it('takes the data folder from NEWSROOM_DATA_DIR, and --data-dir over it', async () => {
    const fromEnv = tempDir();
    const fromFlag = tempDir();
    await cli(['article', 'new', '--headline', 'env'], { NEWSROOM_DATA_DIR: fromEnv });
    await cli(['article', 'new', '--headline', 'flag', '--data-dir', fromFlag], { NEWSROOM_DATA_DIR: fromEnv });
    expect(JSON.parse((await cli(['article', 'list', '--json'], { NEWSROOM_DATA_DIR: fromEnv })).stdout)).toHaveLength(
      1,
    );
    const listed = JSON.parse((await cli(['article', 'list', '--json', '--data-dir', fromFlag])).stdout) as {
      headline: string;
    }[];
    expect(listed[0]?.headline).toBe('flag');
  });

  it('reports errors on stderr with a non-zero exit', async () => {
    const dataDir = tempDir();
    const missing = await cli(['article', 'show', '7', '--data-dir', dataDir]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('There is no article 7');
    expect((await cli(['article', 'show', 'abc', '--data-dir', dataDir])).code).toBe(2);
    expect((await cli(['article', 'new', '--data-dir', dataDir])).code).toBe(2);
    expect((await cli(['article', 'frobnicate', '--data-dir', dataDir])).stderr).toContain('Unknown command');
    expect((await cli(['--bogus'])).code).toBe(2);
    const tooLong = await cli(['article', 'new', '--headline', 'x'.repeat(600), '--data-dir', dataDir]);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain('headline');
  });

  it('history lists kept versions, compares two, keeps a named one and restores', async () => {
    const dataDir = tempDir();
    await cli(['article', 'new', '--headline', 'Hội nghị tổng kết', '--data-dir', dataDir]);
    const named = await cli(['history', '1', '--name', 'gửi ban biên tập', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(named.stdout)).toMatchObject({ kind: 'named', name: 'gửi ban biên tập', version: 1 });
    await cli(['article', 'update', '1', '--headline', 'Hội nghị\u00a0sơ kết', '--data-dir', dataDir]);
    const listed = await cli(['history', '1', '--data-dir', dataDir]);
    expect(listed.stdout).toContain('“gửi ban biên tập”');
    expect(listed.stdout).toContain('first');
    const compared = await cli(['history', '1', '--compare', '1', '--data-dir', dataDir]);
    expect(compared.code).toBe(0);
    expect(compared.stdout).toContain('Hội nghị[-·tổng-]{+⍽sơ+} kết');
    const restored = await cli(['history', '1', '--restore', '1', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(restored.stdout)).toMatchObject({ id: 1, version: 3 });
    const shown = await cli(['article', 'show', '1', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ headline: 'Hội nghị tổng kết', version: 3 });
    const after = JSON.parse((await cli(['history', '1', '--json', '--data-dir', dataDir])).stdout) as {
      kind: string;
      headline: string;
    }[];
    expect(after[0]).toMatchObject({ kind: 'before_restore', headline: 'Hội nghị\u00a0sơ kết' });
    expect((await cli(['history', '1', '--restore', 'x', '--data-dir', dataDir])).code).toBe(2);
  });

  it('photos import reports each file, exits 1 when one was rejected, and registers the photographers', async () => {
    const dataDir = tempDir();
    const dir = tempDir();
    const photo = join(dir, 'hoi-nghi.jpg');
    await sharp({ create: { width: 120, height: 80, channels: 3, background: '#933' } })
      .jpeg()
      .toFile(photo);
    execFileSync('exiftool', [
      '-q',
      '-overwrite_original',
      '-codedcharacterset=utf8',
      '-XMP-dc:Creator=Minh Tuấn',
      photo,
    ]);
    const notAPhoto = join(dir, 'ghi-chu.jpg');
    writeFileSync(notAPhoto, 'không phải ảnh');
    const imported = await cli(['photos', 'import', photo, notAPhoto, '--data-dir', dataDir]);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/^\[1\/2\] hoi-nghi\.jpg: imported [0-9a-f]{12} · Minh Tuấn$/m);
    expect(imported.stdout).toContain('[2/2] ghi-chu.jpg: rejected: This file is not a JPEG, PNG, WebP or TIFF photo.');
    expect(JSON.parse((await cli(['people', '--json', '--data-dir', dataDir])).stdout)).toEqual([
      { name: 'Minh Tuấn', display: '', unit: '' },
    ]);
  });

  it('doctor passes a healthy archive and reports a damaged one, naming it, pointing to the backup, changing nothing', async () => {
    const dataDir = tempDir();
    await cli(['article', 'new', '--headline', 'x', '--data-dir', dataDir]);
    const backup = await cli(['backup', '--json', '--data-dir', dataDir]);
    expect(backup.code).toBe(0);
    const made = JSON.parse(backup.stdout) as { name: string; articles: number; ok: boolean };
    expect(made).toMatchObject({ articles: 1, ok: true });
    const healthy = await cli(['doctor', '--json', '--data-dir', dataDir]);
    expect(healthy.code).toBe(0);
    expect(JSON.parse(healthy.stdout)).toMatchObject({
      ok: true,
      integrity: ['ok'],
      articles: 1,
      backups: [{ name: made.name, ok: true, articles: 1 }],
    });

    writeFileSync(archivePath(dataDir), 'this is a photo caption, not a database');
    const before = sha256(archivePath(dataDir));
    const refused = await cli(['doctor', '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(archivePath(dataDir));
    expect(refused.stdout).toContain(`newsroom restore            puts back the latest good backup, ${made.name}`);
    expect(sha256(archivePath(dataDir))).toBe(before);
    const listing = await cli(['article', 'list', '--data-dir', dataDir]);
    expect(listing.code).toBe(1);
    expect(listing.stderr).toContain('newsroom doctor');
    expect(sha256(archivePath(dataDir))).toBe(before);

    const restored = await cli(['restore', '--json', '--data-dir', dataDir]);
    expect(restored.code).toBe(0);
    const { setAside } = JSON.parse(restored.stdout) as { setAside: string };
    expect(sha256(join(setAside, 'archive.sqlite3'))).toBe(before);
    const after = await cli(['article', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(after.stdout)).toHaveLength(1);
    expect((await cli(['restore', 'archive-nope.sqlite3', '--data-dir', dataDir])).code).toBe(1);
  });

  it('`npm run cli -- …` prints nothing but the CLI output', async () => {
    const dataDir = tempDir();
    const run = promisify(execFile);
    const { stdout } = await run(
      'npm',
      ['run', 'cli', '--', 'article', 'new', '--headline', 'Tin, ảnh', '--json', '--data-dir', dataDir],
      {
        cwd: join(import.meta.dirname, '..', '..'),
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ headline: 'Tin, ảnh', version: 1 });
  });
});
