import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, closeSync, createReadStream, existsSync, mkdirSync } from 'node:fs';
import { openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { originalPartBytes } from '../../../shared/desk/protocol';
import type { Photo } from '../../../shared/photos/photo';
import { CoreError } from '../CoreError';
import { originalPath } from '../photos/photoStore';
import type { DeskClient } from './deskClient';
import { deskClient } from './deskClient';
import { readDeskLink } from './deskLink';
import type { QueuedPhoto } from './photoSync';
import { markOriginalOnDesk } from './photoSync';

/** A download asks for this much at a time, so a cut connection costs one range at most. */
const downloadRangeBytes = originalPartBytes;

async function upload(client: DeskClient, path: string, sha256: string, size: number, from: number): Promise<void> {
  const fd = openSync(path, 'r');
  try {
    let offset = from;
    let stuck = 0;
    for (;;) {
      const part = Buffer.alloc(Math.min(originalPartBytes, size - offset));
      const read = readSync(fd, part, 0, part.length, offset);
      const progress = await client.sendOriginalPart(sha256, offset, size, part.subarray(0, read));
      if (progress.complete) return;
      // The desk says where it stands (a part sent before a cut may have arrived): go on from there.
      stuck = progress.received === offset ? stuck + 1 : 0;
      if (stuck > 2) throw new CoreError('desk_failed', 'The desk does not take this photo’s file.');
      offset = progress.received;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Sends the originals the desk lacks, each from where an interrupted upload left off, before
 * their records: the desk takes a record only once its file is there and hashed.
 */
export async function sendOriginals(
  db: Database,
  dataDir: string,
  client: DeskClient,
  queued: readonly QueuedPhoto[],
): Promise<number> {
  const unsent = [...new Map(queued.filter((q) => !q.originalOnDesk).map((q) => [q.mutation.photoId, q])).values()];
  let sent = 0;
  for (let at = 0; at < unsent.length; at += 500) {
    const batch = unsent.slice(at, at + 500);
    const missing = new Map(
      (await client.missingOriginals(batch.map((q) => q.mutation.photoId))).map((m) => [m.sha256, m.received]),
    );
    for (const { mutation, file } of batch) {
      const received = missing.get(mutation.photoId);
      if (received !== undefined) {
        const path = originalPath(dataDir, mutation.photoId, file.format);
        // A record pulled from the desk with no file here: the desk had it, so nothing to send.
        if (!existsSync(path)) continue;
        await upload(client, path, mutation.photoId, file.bytes, received);
        sent += 1;
      }
      markOriginalOnDesk(db, mutation.photoId);
    }
  }
  return sent;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Fetches a photo's original from the desk into this laptop's library, range by range (a
 * download cut off goes on from what arrived), and keeps it only if its bytes give its SHA-256.
 */
export async function downloadOriginal(dataDir: string, client: DeskClient, photo: Photo): Promise<string> {
  const path = originalPath(dataDir, photo.id, photo.format);
  if (existsSync(path)) return path;
  const partial = `${path}.download`;
  mkdirSync(dirname(path), { recursive: true });
  let have = existsSync(partial) ? statSync(partial).size : 0;
  for (;;) {
    const { size, data } = await client.readOriginal(photo.id, have, have + downloadRangeBytes - 1);
    if (data.length > 0) appendFileSync(partial, data, { mode: 0o600 });
    have += data.length;
    if (have >= size) break;
    if (data.length === 0) throw new CoreError('desk_failed', 'The desk sent nothing of this photo’s file.');
  }
  if ((await sha256Of(partial)) !== photo.id) {
    rmSync(partial, { force: true });
    throw new CoreError('desk_failed', 'The file the desk sent is not this photo (its SHA-256 differs); try again.');
  }
  chmodSync(partial, 0o600);
  renameSync(partial, path);
  return path;
}

/**
 * The path of a photo's original on this laptop, fetched from the desk first when only its
 * record is here. Without a desk to fetch it from, a clear refusal; nothing else changes.
 */
export async function originalHereOrFromDesk(dataDir: string, photo: Photo): Promise<string> {
  const path = originalPath(dataDir, photo.id, photo.format);
  if (existsSync(path)) return path;
  const link = readDeskLink(dataDir);
  const offline = () =>
    new CoreError(
      'photo_original_offline',
      `The original of ${photo.originalName} is not on this laptop and the desk cannot be reached to fetch it.`,
    );
  if (!link) throw offline();
  try {
    return await downloadOriginal(dataDir, deskClient(link.url, link.token), photo);
  } catch (error) {
    if (error instanceof CoreError && error.code === 'desk_unreachable') throw offline();
    throw error;
  }
}
