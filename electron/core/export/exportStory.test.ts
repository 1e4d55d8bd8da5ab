import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ChildNode } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/article/article';
import { sha256, tempDir } from '../../testing/tempDir';
import { createArticle, getArticle, saveArticle } from '../archive/articleStore';
import { openArchive } from '../archive/openArchive';
import { archivePath } from '../dataDir';
import { createCore } from '../createCore';
import { PhotoImporter } from '../photos/photoImporter';
import { importPhotoFiles } from '../photos/photoImport';
import { updatePhotos } from '../photos/photoStore';
import { defaultSettings, settingsSchema } from '../../../shared/settings/settings';
import { getSettings, updateSettings } from '../archive/settingsStore';
import type { ExportProgress } from './exportStory';
import { exportStory } from './exportStory';

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;
const importer = new PhotoImporter();
afterAll(() => importer.close());

const sample = readFileSync(
  join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'sample-article-vi.txt'),
  'utf8',
);
const paragraphs = sample
  .split(/\n\s*\n/)
  .map((text) => text.trim())
  .filter(Boolean);
const published = paragraphs.slice(0, paragraphs.findIndex((text) => text.startsWith('Tin, ảnh:')) + 1);

async function sampleStory(options: { credited?: boolean } = {}) {
  const dataDir = tempDir();
  const db = openArchive(archivePath(dataDir));
  db.prepare(`INSERT INTO settings (key, value) VALUES ('outletPrefix', '"CNQP&KT"')`).run();
  const dir = tempDir();
  const ids: string[] = [];
  for (const [name, colour] of [
    ['trao-bang-khen.jpg', '#933'],
    ['khen-thuong.jpg', '#393'],
  ] as const) {
    const file = join(dir, name);
    await sharp({ create: { width: 2400, height: 1600, channels: 3, background: colour } })
      .jpeg()
      .toFile(file);
    const [result] = await importPhotoFiles(db, dataDir, importer, [{ path: file, name }]);
    if (result?.status !== 'imported') throw new Error('import failed');
    ids.push(result.photo.id);
  }
  if (options.credited !== false) {
    updatePhotos(db, ids, {
      creator: 'Minh Tuấn',
      copyright: '© 2019 Báo QĐND',
      usageTerms: 'Chỉ dùng cho Báo QĐND',
      altText: 'Trao Bằng khen tại Hội nghị',
    });
  }
  const [lead = '', p2 = '', caption1 = '', p4 = '', caption2 = '', p6 = '', p7 = ''] = published;
  const figure = (photoId: string, caption: string) => ({
    type: 'figure' as const,
    photoId,
    caption,
    children: [{ text: '' as const }] as [{ text: '' }],
  });
  const article = createArticle(db, {
    ...(await import('../../../shared/article/article')).emptyContent(
      'Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2019',
    ),
  });
  saveArticle(db, article.id, 1, {
    lead: [{ text: lead.replace(/^CNQP&KT - /, '') }],
    body: [
      paragraph(p2),
      figure(ids[0] ?? '', caption1),
      paragraph(p4),
      figure(ids[1] ?? '', caption2),
      paragraph(p6),
      paragraph(p7),
    ],
    contributors: [
      { name: 'Nguyên Khôi', roles: ['text', 'photo'] },
      { name: 'Minh Tuấn', roles: ['text', 'photo'] },
    ],
  });
  return { db, dataDir, id: article.id, ids };
}

const textOf = (nodes: ChildNode[]): string =>
  nodes.map((node) => (isText(node) ? node.data : isTag(node) ? textOf(node.children) : '')).join('');

describe('the story package', () => {
  it('golden: the sample exports with its text, captions and credit line; images carry their credits; the manifest hashes every file', async () => {
    const { db, dataDir, id } = await sampleStory();
    const out = join(tempDir(), 'package');
    // The sample's site prints no credit under each caption: the closing line credits the photos.
    updateSettings(db, { export: { ...defaultSettings.export, photoCredit: false } });
    const result = await exportStory(db, dataDir, id, out);
    if (result.status !== 'exported') throw new Error('blocked');
    expect(result.draft).toBe(false);
    // The article text of the page, block by block, equals the published sample's.
    const blocks: string[] = [];
    const visit = (nodes: ChildNode[]) => {
      for (const node of nodes) {
        if (!isTag(node)) continue;
        if (['p', 'figcaption'].includes(node.name)) blocks.push(textOf(node.children).replace(/\s+/g, ' ').trim());
        else visit(node.children);
      }
    };
    visit(parseDocument(readFileSync(join(out, 'index.html'), 'utf8')).children);
    expect(blocks).toEqual(published.map((text) => text.replace(/\s+/g, ' ')));
    expect(blocks.at(-1)).toBe('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN');

    const paths = result.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'index.html',
        'fragment.html',
        'article.json',
        'images/hoi-nghi-tong-ket-cong-tac-dang-cong-tac-chinh-tri-nam-2019-1-480.jpg',
        'images/hoi-nghi-tong-ket-cong-tac-dang-cong-tac-chinh-tri-nam-2019-2-1600.webp',
      ]),
    );
    expect(paths.filter((path) => path.startsWith('images/'))).toHaveLength(12);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string }[];
    };
    for (const file of manifest.files) expect(sha256(join(out, file.path)), file.path).toBe(file.sha256);
    expect(manifest.files).toHaveLength(result.files.length - 1);

    // ExifTool reads the credits back out of the image files.
    const tags = JSON.parse(
      execFileSync(
        'exiftool',
        [
          '-json',
          '-XMP:all',
          join(out, 'images/hoi-nghi-tong-ket-cong-tac-dang-cong-tac-chinh-tri-nam-2019-1-960.jpg'),
        ],
        { encoding: 'utf8' },
      ),
    ) as Record<string, unknown>[];
    expect(tags[0]).toMatchObject({
      Creator: 'Minh Tuấn',
      Credit: 'Ảnh: MINH TUẤN',
      Rights: '© 2019 Báo QĐND',
      Description: published[2],
      UsageTerms: 'Chỉ dùng cho Báo QĐND',
    });
    const webp = JSON.parse(
      execFileSync(
        'exiftool',
        [
          '-json',
          '-XMP:all',
          join(out, 'images/hoi-nghi-tong-ket-cong-tac-dang-cong-tac-chinh-tri-nam-2019-2-480.webp'),
        ],
        { encoding: 'utf8' },
      ),
    ) as Record<string, unknown>[];
    expect(webp[0]).toMatchObject({ Creator: 'Minh Tuấn', Description: published[4] });

    // Every rendition carries the credit and the caption of its photo.
    const renditions = paths.filter((path) => path.startsWith('images/'));
    const all = JSON.parse(
      execFileSync(
        'exiftool',
        ['-json', '-XMP:Credit', '-XMP:Description', '-XMP:Creator', ...renditions.map((path) => join(out, path))],
        { encoding: 'utf8' },
      ),
    ) as Record<string, unknown>[];
    expect(all).toHaveLength(12);
    for (const tags of all) {
      const photo = String(tags.SourceFile).includes('-1-') ? 1 : 2;
      expect(tags, String(tags.SourceFile)).toMatchObject({
        Creator: 'Minh Tuấn',
        Credit: 'Ảnh: MINH TUẤN',
        Description: published[photo === 1 ? 2 : 4],
      });
    }

    // The W3C Nu checker, errors only: the page as written, and the fragment inside a minimal page.
    const wrapped = join(out, '..', 'fragment-page.html');
    writeFileSync(
      wrapped,
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Fragment</title></head><body>${readFileSync(join(out, 'fragment.html'), 'utf8')}</body></html>`,
    );
    const vnu = execFileSync(
      'java',
      ['-jar', vnuJar, '--errors-only', '--format', 'text', join(out, 'index.html'), wrapped],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(vnu.trim()).toBe('');

    const ninjs = JSON.parse(readFileSync(join(out, 'article.json'), 'utf8')) as Record<string, unknown>;
    expect(ninjs).toMatchObject({
      type: 'text',
      language: 'vi',
      headlines: [{ role: 'main', value: 'Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2019' }],
      by: 'Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN',
    });
  }, 60_000);

  it('is refused, writing nothing, while the preflight has errors; --draft exports and says so', async () => {
    const { db, dataDir, id } = await sampleStory({ credited: false });
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
    const { db, dataDir, id, ids } = await sampleStory();
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
    const { db, dataDir, id } = await sampleStory();
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
    const { db, dataDir, id } = await sampleStory();
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
