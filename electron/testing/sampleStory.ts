import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ChildNode } from 'domhandler';
import { isTag, isText } from 'domhandler';
import sharp from 'sharp';
import { emptyContent, paragraph } from '../../shared/article/article';
import { createArticle, saveArticle } from '../core/archive/articleStore';
import { openArchive } from '../core/archive/openArchive';
import { archivePath } from '../core/dataDir';
import type { PhotoImporter } from '../core/photos/photoImporter';
import { importPhotoFiles } from '../core/photos/photoImport';
import { updatePhotos } from '../core/photos/photoStore';
import { tempDir } from './tempDir';

const sample = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-article-vi.txt'),
  'utf8',
);
const paragraphs = sample
  .split(/\n\s*\n/)
  .map((text) => text.trim())
  .filter(Boolean);
export const published = paragraphs.slice(0, paragraphs.findIndex((text) => text.startsWith('Tin, ảnh:')) + 1);

/** The published sample story in a fresh archive, with two real photos (credited unless told not). */
export async function sampleStory(
  importer: PhotoImporter,
  options: { credited?: boolean } = {},
): Promise<{ db: Database; dataDir: string; id: number; ids: string[] }> {
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
    ...emptyContent('Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2019'),
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

/** The text of an HTML node list. */
export const textOf = (nodes: ChildNode[]): string =>
  nodes.map((node) => (isText(node) ? node.data : isTag(node) ? textOf(node.children) : '')).join('');
