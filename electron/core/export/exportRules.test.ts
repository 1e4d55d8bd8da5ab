import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempDir';
import { getArticle, saveArticle } from '../archive/articleStore';
import { openArchive } from '../archive/openArchive';
import { archivePath } from '../dataDir';
import { createCore } from '../createCore';
import { PhotoImporter } from '../photos/photoImporter';
import { defaultSettings, settingsSchema } from '../../../shared/settings/settings';
import { getSettings, updateSettings } from '../archive/settingsStore';
import type { ExportProgress } from './exportStory';
import { exportStory } from './exportStory';

import { sampleStory } from '../../testing/sampleStory';

const importer = new PhotoImporter();
afterAll(() => importer.close());

describe('the story package', () => {
  it('is refused, writing nothing, while the preflight has errors; --draft exports and says so', async () => {
    const { db, dataDir, id } = await sampleStory(importer, { credited: false });
    const out = join(tempDir(), 'package');
    const blocked = await exportStory(db, dataDir, id, out);
    expect(blocked.status).toBe('blocked');
    if (blocked.status !== 'blocked') return;
    expect(blocked.preflight.filter((item) => item.severity === 'error').map((item) => item.code)).toEqual([
      'photo-credit',
      'photo-alt',
      'photo-credit',
      'photo-alt',
    ]);
    expect(() => readFileSync(join(out, 'index.html'))).toThrow();
    const draft = await exportStory(db, dataDir, id, out, { draft: true });
    expect(draft).toMatchObject({ status: 'exported', draft: true });
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ draft: true });
  }, 60_000);

  it('a second export copies the cached renditions byte for byte; a changed caption makes new ones; progress counts every image', async () => {
    const { db, dataDir, id, ids } = await sampleStory(importer);
    const cacheDir = join(dataDir, 'cache', 'renditions');
    const progress: ExportProgress[] = [];
    const first = await exportStory(db, dataDir, id, join(tempDir(), 'first'), {
      onProgress: (step) => progress.push(step),
    });
    expect(progress.map((step) => step.done)).toEqual([...Array(13).keys()]);
    expect(new Set(progress.map((step) => step.total))).toEqual(new Set([12]));
    expect(readdirSync(cacheDir)).toHaveLength(12);
    const cachedAt = new Map(readdirSync(cacheDir).map((name) => [name, statSync(join(cacheDir, name)).ino]));

    const second = await exportStory(db, dataDir, id, join(tempDir(), 'second'));
    if (first.status !== 'exported' || second.status !== 'exported') throw new Error('blocked');
    const images = (result: typeof first & { status: 'exported' }) =>
      result.files.filter((file) => file.path.startsWith('images/')).map((file) => [file.path, file.sha256]);
    expect(images(second)).toEqual(images(first));
    // Nothing was rendered again: the same cache files, none added.
    expect(new Map(readdirSync(cacheDir).map((name) => [name, statSync(join(cacheDir, name)).ino]))).toEqual(cachedAt);

    // A new caption is new metadata inside the files of that photo: six new renditions, the other photo's reused.
    const article = getArticle(db, id);
    saveArticle(db, id, article.version, {
      body: article.body.map((block) =>
        block.type === 'figure' && block.photoId === ids[0] ? { ...block, caption: 'Chú thích mới.' } : block,
      ),
    });
    const third = await exportStory(db, dataDir, id, join(tempDir(), 'third'));
    if (third.status !== 'exported') throw new Error('blocked');
    expect(readdirSync(cacheDir)).toHaveLength(18);
    const tags = JSON.parse(
      execFileSync(
        'exiftool',
        [
          '-json',
          '-XMP:Description',
          join(third.dir, 'images/hoi-nghi-tong-ket-cong-tac-dang-cong-tac-chinh-tri-nam-2019-1-480.webp'),
        ],
        { encoding: 'utf8' },
      ),
    ) as Record<string, unknown>[];
    expect(tags[0]).toMatchObject({ Description: 'Chú thích mới.' });
  }, 60_000);

  it("follows the desk's export settings: site address, photo credits, the comment form, blocking copy-desk rules", async () => {
    const { db, dataDir, id } = await sampleStory(importer);
    updateSettings(db, {
      export: {
        siteUrl: 'https://qdnd.vn/tin',
        publisher: 'Báo Quân đội nhân dân',
        photoCredit: true,
        commentForm: { enabled: true, action: 'https://qdnd.vn/binh-luan' },
        blockingRules: [],
      },
    });
    const out = join(tempDir(), 'package');
    const result = await exportStory(db, dataDir, id, out);
    expect(result.status).toBe('exported');
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain(
      '<link rel="canonical" href="https://qdnd.vn/tin/hoi-nghi-tong-ket-cong-tac-dang-cong-tac-chinh-tri-nam-2019/">',
    );
    expect(page).toContain('"publisher":{"@type":"Organization","name":"Báo Quân đội nhân dân"}');
    expect(page).toContain('<span class="credit">Ảnh: MINH TUẤN</span>');
    expect(page).toContain('<form method="post" action="https://qdnd.vn/binh-luan">');
    // The form belongs to the page; a CMS gets the article alone.
    expect(readFileSync(join(out, 'fragment.html'), 'utf8')).not.toContain('<form');

    // The sample's merged word "bàybáo" is a warning, until the desk makes that rule blocking.
    updateSettings(db, { export: { ...getSettings(db).export, blockingRules: ['merged-word'] } });
    const blocked = await exportStory(db, dataDir, id, join(tempDir(), 'blocked'));
    expect(blocked.status).toBe('blocked');
    expect(blocked.preflight.filter((item) => item.severity === 'error').map((item) => item.finding?.excerpt)).toEqual([
      'bàybáo',
    ]);
  }, 60_000);

  it('keeps each stored setting that still fits, and the default for one that does not', () => {
    const db = openArchive(archivePath(tempDir()));
    updateSettings(db, { outletPrefix: 'CNQP&KT' });
    db.prepare(`INSERT INTO settings (key, value) VALUES ('export', '{"siteUrl":"javascript:alert(1)"}')`).run();
    expect(getSettings(db)).toMatchObject({ outletPrefix: 'CNQP&KT', export: defaultSettings.export });
    // The contract refuses a comment form without its address, and any address but http(s).
    const update = settingsSchema.partial().strict();
    expect(
      update.safeParse({ export: { ...defaultSettings.export, commentForm: { enabled: true, action: '' } } }).success,
    ).toBe(false);
    expect(update.safeParse({ export: { ...defaultSettings.export, siteUrl: 'javascript:alert(1)' } }).success).toBe(
      false,
    );
    expect(
      update.safeParse({
        export: { ...defaultSettings.export, commentForm: { enabled: true, action: 'https://qdnd.vn/binh-luan' } },
      }).success,
    ).toBe(true);
  });

  it('through the contract: progress while it runs, one export of an article at a time, and only package folders opened', async () => {
    const { db, dataDir, id } = await sampleStory(importer);
    const opened: string[] = [];
    const core = createCore(db, { dataDir, openFolder: (dir) => Promise.resolve(void opened.push(dir)) });
    const progressNow = () =>
      core['articles.exportProgress']({ id }) as { running: boolean; done: number; total: number };
    const running = core['articles.export']({ id });
    expect(progressNow()).toMatchObject({ running: true });
    await expect(core['articles.export']({ id })).rejects.toMatchObject({ code: 'conflict' });
    const seen: number[] = [];
    while (progressNow().running) {
      seen.push(progressNow().done);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const result = await running;
    expect(result).toMatchObject({ status: 'exported', files: 16 });
    expect(seen.at(-1)).toBeGreaterThan(0);
    expect(progressNow()).toEqual({ running: false, done: 0, total: 0 });

    const dir = (result as { dir: string }).dir;
    await core['exports.openFolder']({ dir });
    expect(opened).toEqual([realpathSync(dir)]);
    const outside = tempDir();
    symlinkSync(outside, join(dataDir, 'exports', 'link-out'));
    for (const wrong of [
      dataDir,
      join(dataDir, 'exports'),
      join(dir, 'images'),
      join(dir, '..', '..'),
      '/etc',
      join(dataDir, 'exports', 'link-out'),
    ]) {
      await expect(
        Promise.resolve().then(() => core['exports.openFolder']({ dir: wrong })),
        wrong,
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(
      Promise.resolve().then(() => core['exports.openFolder']({ dir: join(dataDir, 'exports', 'gone') })),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(opened).toHaveLength(1);
    await expect(
      Promise.resolve().then(() => createCore(db, { dataDir })['exports.openFolder']({ dir })),
    ).rejects.toMatchObject({ code: 'forbidden' });
  }, 60_000);
});
