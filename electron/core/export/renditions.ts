import { createHash, randomUUID } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { copyFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputInfo, Sharp } from 'sharp';
import type { ExportPhoto } from '../../../shared/export/articleHtml';

// The export's renditions: JPEG and WebP at each width, with the credits inside, cached in the
// data folder by photo, width, format and metadata so the second export of a story is quick.

export const renditionFormats = [
  ['jpg', 'image/jpeg'],
  ['webp', 'image/webp'],
] as const;

/** The rendition cache is trimmed to this size, least recently used first. */
export const cacheBytes = 2 * 1024 ** 3;

/** Runs `work` on every item, at most `limit` at a time; the results in the items' order. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/**
 * One photo's renditions, JPEG and WebP at each width, each carrying the XMP packet. A rendition
 * already made with the same photo, width, format and packet is copied from the cache; the others
 * come from one decode of the original (oriented and shrunk on load to the largest width),
 * resized from there, and are cached as they are written.
 */
export async function writeRenditions(job: {
  original: string;
  photoId: string;
  packet: string;
  widths: readonly number[];
  cacheDir: string;
  /** The package folder, and the file-name stem in it (`images/<slug>-<n>`): each file is `<stem>-<width>.<format>`. */
  outDir: string;
  stem: string;
  written: () => void;
}): Promise<ExportPhoto['renditions']> {
  const { original, photoId, packet, widths, cacheDir } = job;
  const renditions: ExportPhoto['renditions'] = [];
  let decoded: Promise<{ data: Buffer; info: OutputInfo }> | undefined;
  for (const width of widths) {
    for (const [format, type] of renditionFormats) {
      const name = `${job.stem}-${width}.${format}`;
      const key = createHash('sha256')
        .update(JSON.stringify([renditionRecipe, photoId, width, format, packet]))
        .digest('hex');
      const cached = join(cacheDir, `${key}.${format}`);
      if (existsSync(cached)) {
        const now = new Date();
        await utimes(cached, now, now).catch(() => undefined);
      } else {
        // Loaded here, not at start: the CLI and the server start without libvips.
        const { default: sharp } = await import('sharp');
        decoded ??= sharp(original, { limitInputPixels: 100_000_000 })
          .rotate()
          .resize({ width: Math.max(...widths), withoutEnlargement: true })
          .raw()
          .toBuffer({ resolveWithObject: true });
        const { data, info } = await decoded;
        const pipeline: Sharp = sharp(data, {
          raw: { width: info.width, height: info.height, channels: info.channels },
        }).resize({ width, withoutEnlargement: true });
        const temporary = `${cached}.${randomUUID()}.tmp`;
        await (format === 'jpg' ? pipeline.jpeg({ quality: 82, mozjpeg: true }) : pipeline.webp({ quality: 80 }))
          .withXmp(packet)
          .toFile(temporary);
        await rename(temporary, cached);
      }
      await copyFile(cached, join(job.outDir, name), constants.COPYFILE_FICLONE);
      renditions.push({ src: name, width, type });
      job.written();
    }
  }
  return renditions;
}

/** Changes when the way renditions are made changes, so older cached files are not reused. */
const renditionRecipe = 'v1 jpeg82-mozjpeg webp80 lanczos3';

/** Trims the rendition cache to `limit` bytes, dropping the least recently used files first. */
export async function pruneCache(dir: string, limit: number): Promise<void> {
  try {
    const files = await Promise.all(
      (await readdir(dir)).map(async (name) => {
        const info = await stat(join(dir, name));
        return { file: join(dir, name), bytes: info.size, used: info.mtimeMs };
      }),
    );
    let size = files.reduce((sum, file) => sum + file.bytes, 0);
    for (const file of files.sort((a, b) => a.used - b.used)) {
      if (size <= limit) break;
      await rm(file.file, { force: true });
      size -= file.bytes;
    }
  } catch {
    // A cache that cannot be trimmed now is trimmed after the next export.
  }
}
