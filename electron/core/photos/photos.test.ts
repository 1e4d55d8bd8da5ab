import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sha256, tempDir } from '../../testing/tempDir';
import { createCore } from '../createCore';
import { dispatch } from '../dispatch';
import { PhotoImporter } from './photoImporter';
import { importPhotoFiles } from './photoImport';
import { originalPath, renditionPath } from './photoStore';

import { exiftool, jpeg, photoCore, photoImporterForTests, vietnamese } from '../../testing/photoFixtures';

const importer = photoImporterForTests();
const setup = () => photoCore(importer);

describe('photo import', () => {
  it('reads every credit field from IPTC and XMP written by ExifTool, Vietnamese intact', async () => {
    const { upload, dataDir } = setup();
    const file = await jpeg(tempDir(), 'hoi-nghi.jpg');
    exiftool(
      file,
      '-codedcharacterset=utf8',
      `-XMP-dc:Creator=${vietnamese.creator}`,
      `-XMP-photoshop:Credit=${vietnamese.creditLine}`,
      `-XMP-dc:Rights=${vietnamese.copyright}`,
      `-XMP-photoshop:Source=${vietnamese.source}`,
      `-XMP-xmpRights:UsageTerms=${vietnamese.usageTerms}`,
      `-XMP-dc:Description=${vietnamese.description}`,
      `-XMP-photoshop:Headline=${vietnamese.headline}`,
      ...vietnamese.keywords.map((keyword) => `-XMP-dc:Subject=${keyword}`),
      '-XMP-photoshop:DateCreated=2019-12-24',
      `-XMP-photoshop:City=${vietnamese.city}`,
      `-XMP-photoshop:Country=${vietnamese.country}`,
      `-XMP-iptcCore:AltTextAccessibility=${vietnamese.altText}`,
    );
    const result = await upload(file);
    if (result.status !== 'imported') throw new Error(JSON.stringify(result));
    expect(result.photo).toMatchObject({
      ...vietnamese,
      dateCreated: '2019-12-24',
      width: 640,
      height: 480,
      format: 'jpeg',
      originalName: 'hoi-nghi.jpg',
    });
    expect(result.photo.id).toBe(sha256(file));
    expect(sha256(originalPath(dataDir, result.photo.id, 'jpeg'))).toBe(sha256(file));
    for (const kind of ['thumb', 'preview'] as const) {
      const rendition = await sharp(renditionPath(dataDir, result.photo.id, kind)).metadata();
      expect(rendition.format).toBe('webp');
      expect(Math.max(rendition.width ?? 0, rendition.height ?? 0)).toBe(kind === 'thumb' ? 320 : 640);
    }
  });

  it('reads IPTC alone, by the UTF-8 character-set flag, and EXIF alone', async () => {
    const { upload, call } = setup();
    const dir = tempDir();
    const iptc = await jpeg(dir, 'iptc.jpg', '#363');
    exiftool(
      iptc,
      '-codedcharacterset=utf8',
      `-IPTC:By-line=${vietnamese.creator}`,
      `-IPTC:Credit=${vietnamese.creditLine}`,
      `-IPTC:CopyrightNotice=${vietnamese.copyright}`,
      `-IPTC:Caption-Abstract=${vietnamese.description}`,
      `-IPTC:Keywords=${vietnamese.keywords[1] ?? ''}`,
      '-IPTC:DateCreated=2019:12:24',
      `-IPTC:City=${vietnamese.city}`,
      `-IPTC:Country-PrimaryLocationName=${vietnamese.country}`,
    );
    const fromIptc = await upload(iptc);
    if (fromIptc.status !== 'imported') throw new Error(JSON.stringify(fromIptc));
    expect(fromIptc.photo).toMatchObject({
      creator: vietnamese.creator,
      creditLine: vietnamese.creditLine,
      copyright: vietnamese.copyright,
      description: vietnamese.description,
      keywords: ['Đảng ủy'],
      dateCreated: '2019-12-24',
      city: vietnamese.city,
      country: vietnamese.country,
    });

    const exif = await jpeg(dir, 'exif.jpg', '#336');
    exiftool(
      exif,
      '-EXIF:Artist=Nguyên Khôi',
      '-EXIF:Copyright=QĐND 2026',
      '-EXIF:DateTimeOriginal=2019:12:24 09:30:00',
      '-EXIF:ImageDescription=Quang cảnh Hội nghị',
    );
    const fromExif = await upload(exif);
    if (fromExif.status !== 'imported') throw new Error(JSON.stringify(fromExif));
    expect(fromExif.photo).toMatchObject({
      creator: 'Nguyên Khôi',
      copyright: 'QĐND 2026',
      description: 'Quang cảnh Hội nghị',
      dateCreated: '2019-12-24T09:30:00',
    });
    // Creators join the contributor registry, so a photographer is typed once.
    expect((await call('people.list', {})).map((person) => person.name)).toEqual(['Minh Tuấn', 'Nguyên Khôi']);
  });

  it('stores a photo once: the same bytes again are a duplicate of the one record', async () => {
    const { upload, call } = setup();
    const file = await jpeg(tempDir(), 'a.jpg');
    const first = await upload(file, 'a.jpg');
    const again = await upload(file, 'copy-of-a.jpg');
    expect(first.status).toBe('imported');
    expect(again).toMatchObject({ status: 'duplicate', name: 'copy-of-a.jpg', photo: { originalName: 'a.jpg' } });
    expect((await call('photos.list', {})).total).toBe(1);
  });

  it('accepts PNG, WebP and TIFF by their bytes, whatever the name', async () => {
    const { upload } = setup();
    const dir = tempDir();
    for (const format of ['png', 'webp', 'tiff'] as const) {
      const file = join(dir, `anh-${format}.jpg`);
      const image = sharp({ create: { width: 300, height: 200, channels: 3, background: '#248' } });
      await image[format]().toFile(file);
      const result = await upload(file);
      expect(result).toMatchObject({ status: 'imported', photo: { format, width: 300, height: 200 } });
    }
  });

  it('a batch goes on past broken files, each with a reason a person understands', async () => {
    const { db, dataDir } = setup();
    const dir = tempDir();
    const good = await jpeg(dir, 'good.jpg', '#a50');
    const truncated = await jpeg(dir, 'truncated.jpg', '#05a', 1200, 900);
    truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
    const svg = join(dir, 'drawing.jpg');
    writeFileSync(
      svg,
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
    );
    const heic = join(dir, 'iphone.heic');
    writeFileSync(heic, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]));
    const pdf = join(dir, 'scan.jpg');
    writeFileSync(pdf, '%PDF-1.7\n');
    const empty = join(dir, 'empty.jpg');
    writeFileSync(empty, '');
    // A PNG whose header claims 20,000 × 20,000 pixels: refused from the header, never decoded.
    const huge = join(dir, 'huge.png');
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20_000, 0);
    ihdr.writeUInt32BE(20_000, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const pngChunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length, 0);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body), 0);
      return Buffer.concat([length, body, crc]);
    };
    writeFileSync(
      huge,
      Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        pngChunk('IHDR', ihdr),
        pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
        pngChunk('IEND', Buffer.alloc(0)),
      ]),
    );
    const good2 = await jpeg(dir, 'good2.jpg', '#5a0');

    const files = [good, truncated, svg, heic, pdf, empty, huge, join(dir, 'missing.jpg'), good2].map((path) => ({
      path,
      name: path.split('/').at(-1) ?? '',
    }));
    const progress: number[] = [];
    const results = await importPhotoFiles(db, dataDir, importer, files, {
      onResult: (_result, index) => progress.push(index),
    });
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const byName = Object.fromEntries(results.map((result) => [result.name, result]));
    expect(byName['good.jpg']?.status).toBe('imported');
    expect(byName['good2.jpg']?.status).toBe('imported');
    expect(byName['truncated.jpg']).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('damaged') as unknown,
    });
    expect(byName['drawing.jpg']).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('SVG') as unknown,
    });
    expect(byName['iphone.heic']).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('HEIC') as unknown,
    });
    expect(byName['scan.jpg']).toMatchObject({ status: 'rejected', reason: expect.stringContaining('PDF') as unknown });
    expect(byName['empty.jpg']).toMatchObject({ status: 'rejected', reason: 'The file is empty.' });
    expect(byName['huge.png']).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('400 megapixels') as unknown,
    });
    expect(byName['missing.jpg']).toMatchObject({ status: 'rejected', reason: 'The file does not exist.' });
  });

  it('stops a photo that takes too long, replaces the decoder, and goes on', async () => {
    const { db, dataDir } = setup();
    const dir = tempDir();
    const impatient = new PhotoImporter(1);
    const first = await jpeg(dir, 'slow.jpg', '#777', 4000, 3000);
    const timedOut = await importPhotoFiles(db, dataDir, impatient, [{ path: first, name: 'slow.jpg' }]);
    impatient.close();
    expect(timedOut[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('took longer') as unknown,
    });
    const next = await importPhotoFiles(db, dataDir, importer, [{ path: first, name: 'slow.jpg' }]);
    expect(next[0]?.status).toBe('imported');
  });

  it('imports by path only in the desktop app, and only files given by absolute path', async () => {
    const file = await jpeg(tempDir(), 'tu-dia.jpg', '#4a4');
    const { call, db, dataDir } = setup();
    await expect(call('photos.importPath', { path: file })).rejects.toThrow(/^forbidden: .*desktop/);
    await expect(call('photos.pickFiles', {})).rejects.toThrow(/^forbidden/);
    const desktop = createCore(db, { dataDir, photoImporter: importer, allowPathImport: true });
    const importPath = async (input: unknown) => dispatch(desktop, 'photos.importPath', input);
    expect(await importPath({ path: file })).toMatchObject({
      ok: true,
      value: { status: 'imported', name: 'tu-dia.jpg' },
    });
    expect(await importPath({ path: 'tu-dia.jpg' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await importPath({ path: tempDir() })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await importPath({ path: join(tempDir(), 'missing.jpg') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('can be cancelled between files', async () => {
    const { db, dataDir } = setup();
    const dir = tempDir();
    const files = await Promise.all(
      ['a', 'b', 'c'].map(async (name, index) => ({
        path: await jpeg(dir, `${name}.jpg`, ['#111', '#222', '#333'][index]),
        name,
      })),
    );
    const controller = new AbortController();
    const results = await importPhotoFiles(db, dataDir, importer, files, {
      signal: controller.signal,
      onResult: () => controller.abort(),
    });
    expect(results).toHaveLength(1);
  });
});
