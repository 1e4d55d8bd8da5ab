import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * A real JPEG made for the test, `size` pixels wide (4:3), with XMP/IPTC written by ExifTool
 * (`-XMP-dc:Creator=…`). With `noise`, it compresses like a photograph instead of a flat colour.
 */
export async function photo(
  dir: string,
  name: string,
  colour: string,
  tags: string[] = [],
  size = 800,
  noise = false,
): Promise<string> {
  const file = join(dir, name);
  const height = Math.round(size * 0.75);
  let image = sharp({ create: { width: size, height, channels: 3, background: colour } });
  if (noise)
    image = sharp(
      await image
        .composite([
          {
            input: {
              create: {
                width: size,
                height,
                channels: 3,
                background: '#000',
                noise: { type: 'gaussian', mean: 110, sigma: 40 },
              },
            },
            blend: 'overlay',
          },
        ])
        .png()
        .toBuffer(),
    );
  await image.jpeg().toFile(file);
  if (tags.length > 0)
    execFileSync('exiftool', ['-q', '-overwrite_original', '-codedcharacterset=utf8', ...tags, file]);
  return file;
}
