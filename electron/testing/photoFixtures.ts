import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll } from 'vitest';
import { PhotoImporter } from '../core/photos/photoImporter';
import { testCore } from './testCore';

/** A photo decoder for one test file, closed after its tests. */
export function photoImporterForTests(): PhotoImporter {
  const importer = new PhotoImporter();
  afterAll(() => importer.close());
  return importer;
}

/** A test core with photos, and an upload of a file as the browser edition sends it. */
export function photoCore(importer: PhotoImporter) {
  const core = testCore({ core: { photoImporter: importer } });
  const upload = (file: string, name = file.split('/').at(-1) ?? 'x') =>
    core.call('photos.import', { fileName: name, dataBase64: readFileSync(file).toString('base64') });
  return { ...core, upload };
}
/** A real JPEG of the given colour and size, made by sharp. */
export async function jpeg(dir: string, name: string, colour = '#c33', width = 640, height = 480): Promise<string> {
  const file = join(dir, name);
  await sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 80 })
    .toFile(file);
  return file;
}

/** Metadata written by ExifTool, the reference implementation (Debian libimage-exiftool-perl). */
export const exiftool = (file: string, ...tags: string[]) =>
  execFileSync('exiftool', ['-q', '-overwrite_original', ...tags, file]);

export const vietnamese = {
  creator: 'Minh Tuấn',
  creditLine: 'Báo Quân đội nhân dân',
  copyright: '© 2026 Nguyên Khôi – QĐND',
  source: 'Tổng cục CNQP',
  usageTerms: 'Chỉ dùng cho Báo QĐND; không bán lại.',
  description: 'Trung tướng Nguyễn Mạnh Hùng trao Bằng khen cho các tập thể.',
  headline: 'Hội nghị tổng kết công tác Đảng',
  keywords: ['Hội nghị', 'Đảng ủy', 'đường Trường Sơn'],
  city: 'Hà Nội',
  country: 'Việt Nam',
  altText: 'Trung tướng Nguyễn Mạnh Hùng đứng trên bục, trao Bằng khen cho ba đại biểu.',
};
