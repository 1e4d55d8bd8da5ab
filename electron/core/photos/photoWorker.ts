// Runs in a child process (see decoderProcess.ts): decoding and metadata parsing never happen in
// the process that owns the archive, so a file that hangs or crashes the decoder costs only this child.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPhotoMeta } from './metadata';
import { sniffPhoto } from './sniff';
import type { WorkerJob, WorkerReply } from './workerProtocol';
import { maxPhotoBytes, maxPixels, renditionSizes } from './workerProtocol';

sharp.concurrency(1);
sharp.cache(false);

async function processPhoto(job: WorkerJob): Promise<WorkerReply> {
  const size = statSync(job.path).size;
  if (size === 0) return { ok: false, reason: 'The file is empty.' };
  if (size > maxPhotoBytes) return { ok: false, reason: `The file is larger than ${maxPhotoBytes / 1024 / 1024} MB.` };
  const bytes = readFileSync(job.path);
  const sniffed = sniffPhoto(bytes);
  if ('rejected' in sniffed) return { ok: false, reason: sniffed.rejected };
  const id = createHash('sha256').update(bytes).digest('hex');
  let info: sharp.Metadata;
  try {
    // Reads the header only: the pixel count is checked before anything is decoded.
    info = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return {
      ok: false,
      reason: `The photo cannot be read (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  const width = info.width ?? 0;
  const height = info.height ?? 0;
  if (width === 0 || height === 0)
    return { ok: false, reason: 'The photo has no size in its header; it is probably damaged.' };
  if (width * height > maxPixels)
    return {
      ok: false,
      reason: `The photo is ${((width * height) / 1e6).toFixed(0)} megapixels; the limit is ${maxPixels / 1e6}.`,
    };
  const meta = readPhotoMeta({ exif: info.exif, iptc: info.iptc, xmp: info.xmp });
  const renditions: Record<string, string> = {};
  try {
    for (const [name, edge] of Object.entries(renditionSizes)) {
      const file = join(job.outDir, `${id}-${name}.webp`);
      // Resizing a JPEG or WebP with sharp decodes it shrunk (shrink-on-load); rotate() applies EXIF orientation.
      await sharp(bytes, { limitInputPixels: maxPixels })
        .rotate()
        .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: name === 'thumb' ? 70 : 82 })
        .toFile(file);
      renditions[name] = file;
    }
  } catch (error) {
    return {
      ok: false,
      reason: `The photo is damaged or incomplete (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  const rotated = (info.orientation ?? 1) >= 5;
  return {
    ok: true,
    id,
    format: sniffed.format,
    width: rotated ? height : width,
    height: rotated ? width : height,
    bytes: size,
    meta,
    thumb: renditions.thumb ?? '',
    preview: renditions.preview ?? '',
  };
}

const answer = (job: WorkerJob): Promise<WorkerReply> =>
  processPhoto(job).catch((error: unknown): WorkerReply => ({
    ok: false,
    reason: `The photo could not be processed (${error instanceof Error ? error.message : String(error)}).`,
  }));

// Electron's utility process (the desktop app) talks through parentPort; a Node child process through its IPC channel.
const parentPort = (
  process as {
    parentPort?: {
      on: (event: 'message', listener: (message: { data: WorkerJob }) => void) => void;
      postMessage: (reply: WorkerReply) => void;
    };
  }
).parentPort;
if (parentPort) {
  parentPort.on('message', ({ data }) => void answer(data).then((reply) => parentPort.postMessage(reply)));
} else {
  process.on('message', (job: WorkerJob) => void answer(job).then((reply) => process.send?.(reply)));
  // The parent went away (closed or killed): so does the decoder.
  process.on('disconnect', () => process.exit(0));
}
