import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import type { PhotoPage } from '../../../shared/photos/photo';
import { emptyPhotoMeta } from '../../../shared/photos/photo';
import { tempDir } from '../../testing/tempDir';
import { archiveAtVersion } from '../../testing/testCore';
import { openArchive } from '../archive/openArchive';
import { createCore } from '../createCore';
import { archivePath } from '../dataDir';
import { dispatch } from '../dispatch';
import { originalPath, renditionPath } from './photoStore';

import { exiftool, jpeg, photoCore, photoImporterForTests } from '../../testing/photoFixtures';

const importer = photoImporterForTests();
const setup = () => photoCore(importer);

describe('the photo library', () => {
  async function library() {
    const context = setup();
    const dir = tempDir();
    const credited = await jpeg(dir, 'credited.jpg', '#900');
    exiftool(
      credited,
      '-codedcharacterset=utf8',
      '-XMP-dc:Creator=Minh Tuấn',
      '-XMP-dc:Description=Đường Trường Sơn mùa mưa',
      '-XMP-photoshop:City=Hà Nội',
      '-XMP-photoshop:DateCreated=2019-12-24',
      '-XMP-iptcCore:AltTextAccessibility=Xe qua đường',
    );
    const bare = await jpeg(dir, 'bare.jpg', '#090');
    exiftool(bare, '-codedcharacterset=utf8', '-XMP-dc:Description=Dương liễu bên hồ', '-XMP-photoshop:City=Huế');
    const a = await context.upload(credited);
    const b = await context.upload(bare);
    if (a.status !== 'imported' || b.status !== 'imported') throw new Error('import failed');
    return { ...context, credited: a.photo, bare: b.photo };
  }

  it('filters: missing credit, missing alt text, unused, used in this article', async () => {
    const { call, credited, bare } = await library();
    const ids = async (input: object) => (await call('photos.list', input)).photos.map((photo) => photo.id);
    expect(await ids({ filter: 'missing-credit' })).toEqual([bare.id]);
    expect(await ids({ filter: 'missing-alt' })).toEqual([bare.id]);
    const article = await call('articles.create', { headline: 'Có ảnh' });
    await call('articles.save', {
      id: article.id,
      baseVersion: 1,
      body: [{ type: 'figure', photoId: credited.id, caption: 'Chú thích', children: [{ text: '' }] }],
    });
    expect(await ids({ filter: 'unused' })).toEqual([bare.id]);
    expect(await ids({ filter: 'in-article', articleId: article.id })).toEqual([credited.id]);
    expect((await call('photos.get', { id: credited.id })).usedIn).toEqual([article.id]);
  });

  it('searches caption, credit and keywords with and without marks (đ included)', async () => {
    const { call, credited, bare } = await library();
    const ids = async (query: string) => (await call('photos.list', { query })).photos.map((photo) => photo.id).sort();
    expect(await ids('duong')).toEqual([credited.id, bare.id].sort());
    expect(await ids('đường')).toEqual([credited.id]);
    expect(await ids('dương')).toEqual([bare.id]);
    expect(await ids('minh tuan')).toEqual([credited.id]);
    expect(await ids('Đường'.normalize('NFD'))).toEqual([credited.id]);
    expect(await ids('không có')).toEqual([]);
    // Either tone-mark style finds the other, as in article search.
    await call('photos.update', { ids: [bare.id], changes: { description: 'Hòa bình bên hồ' } });
    expect(await ids('hoà')).toEqual([bare.id]);
    expect(await ids('hòa')).toEqual([bare.id]);
  });

  it('edits many photos at once with templates filled per photo', async () => {
    const { call, credited, bare } = await library();
    const updated = await call('photos.update', {
      ids: [credited.id, bare.id],
      changes: {
        creditLine: 'Ảnh: {creator}/QĐND',
        usageTerms: 'Dùng trong năm {year}',
        description: '{description} ({city})',
      },
    });
    expect(updated.map((photo) => [photo.creditLine, photo.description])).toEqual([
      ['Ảnh: Minh Tuấn/QĐND', 'Đường Trường Sơn mùa mưa (Hà Nội)'],
      ['Ảnh: /QĐND', 'Dương liễu bên hồ (Huế)'],
    ]);
    expect(updated[0]?.usageTerms).toBe('Dùng trong năm 2019');
    expect(updated[0]?.version).toBe(2);
    // Plain text only: markup typed into a field is kept as the characters typed.
    const [marked] = await call('photos.update', {
      ids: [bare.id],
      changes: { creator: '<img src=x onerror=alert(1)> Lê\u0301' },
    });
    expect(marked?.creator).toBe('<img src=x onerror=alert(1)> Lế');
  });

  it('archive search can keep only articles with a photo missing its credit', async () => {
    const { call, credited, bare } = await library();
    const figure = (photoId: string) => ({
      type: 'figure' as const,
      photoId,
      caption: 'Ảnh',
      children: [{ text: '' as const }] as [{ text: '' }],
    });
    for (const [headline, photo] of [
      ['Hội nghị có ảnh đủ tác giả', credited],
      ['Hội nghị có ảnh thiếu tác giả', bare],
    ] as const) {
      const article = await call('articles.create', { headline });
      await call('articles.save', {
        id: article.id,
        baseVersion: 1,
        body: [{ type: 'paragraph', children: [{ text: 'Nội dung.' }] }, figure(photo.id)],
      });
    }
    const all = await call('articles.search', { query: 'hoi nghi' });
    expect(all.results).toHaveLength(2);
    const missing = await call('articles.search', {
      query: 'hoi nghi',
      missingPhotoCredit: true,
    });
    expect(missing.results.map((hit) => hit.headline)).toEqual(['Hội nghị có ảnh thiếu tác giả']);
    await call('photos.update', { ids: [bare.id], changes: { creator: 'Nguyên Khôi' } });
    expect((await call('articles.search', { query: 'hoi nghi', missingPhotoCredit: true })).results).toEqual([]);
  });

  it('keeps the original and its renditions in the photo store', async () => {
    const { dataDir, credited } = await library();
    expect(existsSync(originalPath(dataDir, credited.id, 'jpeg'))).toBe(true);
    expect(existsSync(renditionPath(dataDir, credited.id, 'thumb'))).toBe(true);
  });
});

describe('schema 8', () => {
  it('rewrites the photos’ search text in the forms article search uses', async () => {
    const { db: old, dataDir } = archiveAtVersion(7);
    old
      .prepare(
        `INSERT INTO photos (id, original_name, format, width, height, bytes, imported_at, updated_at, meta, search_exact, search_folded)
       VALUES (?, 'a.jpg', 'jpeg', 10, 10, 1, '2026-01-01', '2026-01-01', ?, 'hoà bình', 'hoa binh')`,
      )
      .run('e'.repeat(64), JSON.stringify({ ...emptyPhotoMeta(), description: 'Hoà bình' }));
    old.close();
    const db = openArchive(archivePath(dataDir));
    const handlers = createCore(db, { dataDir, photoImporter: importer });
    const found = (await dispatch(handlers, 'photos.list', { query: 'hòa' })) as Result<PhotoPage>;
    expect(found).toMatchObject({ ok: true, value: { total: 1 } });
    db.close();
  });
});
