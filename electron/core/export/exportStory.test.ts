import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ChildNode } from 'domhandler';
import { isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256, tempDir } from '../../testing/tempDir';
import { PhotoImporter } from '../photos/photoImporter';
import { defaultSettings } from '../../../shared/settings/settings';
import { updateSettings } from '../archive/settingsStore';
import { exportStory } from './exportStory';

import { published, sampleStory, textOf } from '../../testing/sampleStory';

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;
const importer = new PhotoImporter();
afterAll(() => importer.close());

describe('the story package', () => {
  it('golden: the sample exports with its text, captions and credit line; images carry their credits; the manifest hashes every file', async () => {
    const { db, dataDir, id } = await sampleStory(importer);
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
});
