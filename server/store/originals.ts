import { createHash } from 'node:crypto';
import type { DeskPool } from '../db/database';
import type { MissingOriginal, OriginalProgress } from '../../shared/desk/protocol';

/** Why a part was not taken: the laptop asks again from `received`, or starts over. */
export class OriginalError extends Error {
  constructor(
    readonly code: 'offset' | 'size' | 'hash_mismatch',
    message: string,
    readonly received = 0,
  ) {
    super(message);
  }
}

/** Of these hashes, the originals the desk does not have complete, each with what it has of an interrupted upload. */
export async function missingOriginals(pool: DeskPool, deskId: string, hashes: string[]): Promise<MissingOriginal[]> {
  const found = await pool.query<{ sha256: string; received: string; complete: boolean }>(
    'SELECT sha256, received, complete FROM photo_originals WHERE desk_id = $1 AND sha256 = ANY($2::text[])',
    [deskId, hashes],
  );
  const known = new Map(found.rows.map((row) => [row.sha256, row]));
  return [...new Set(hashes)]
    .filter((hash) => !known.get(hash)?.complete)
    .map((sha256) => ({ sha256, received: Number(known.get(sha256)?.received ?? 0) }));
}

/**
 * Appends one part of an original at `offset` (which must be what the desk has so far) in a
 * transaction of its own. With the last part the whole is hashed: only an original whose bytes
 * give its SHA-256 counts; one that does not is dropped, and the laptop sends it again.
 */
export async function appendOriginal(
  pool: DeskPool,
  deskId: string,
  sha256: string,
  offset: number,
  size: number,
  data: Buffer,
): Promise<OriginalProgress> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO photo_originals (desk_id, sha256, size) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [deskId, sha256, size],
    );
    const row = (
      await client.query<{ size: string; received: string; complete: boolean }>(
        'SELECT size, received, complete FROM photo_originals WHERE desk_id = $1 AND sha256 = $2 FOR UPDATE',
        [deskId, sha256],
      )
    ).rows[0];
    if (!row) throw new Error('the original row vanished inside its transaction');
    const received = Number(row.received);
    if (row.complete) {
      await client.query('COMMIT');
      return { received, complete: true };
    }
    if (Number(row.size) !== size)
      throw new OriginalError('size', `The desk expects ${row.size} bytes for this photo, not ${size}.`, received);
    if (offset !== received)
      throw new OriginalError('offset', `The desk has ${received} bytes of this photo: send from there.`, received);
    if (data.length === 0 || received + data.length > size)
      throw new OriginalError('size', 'This part does not fit the photo’s size.', received);
    await client.query('INSERT INTO photo_original_parts (desk_id, sha256, start_at, data) VALUES ($1, $2, $3, $4)', [
      deskId,
      sha256,
      offset,
      data,
    ]);
    const now = received + data.length;
    if (now < size) {
      await client.query('UPDATE photo_originals SET received = $3 WHERE desk_id = $1 AND sha256 = $2', [
        deskId,
        sha256,
        now,
      ]);
      await client.query('COMMIT');
      return { received: now, complete: false };
    }
    // Hashed a few parts at a time: a 200 MB original is never held whole in memory.
    const hash = createHash('sha256');
    for (let from = 0; ;) {
      const parts = await client.query<{ start_at: string; data: Buffer }>(
        `SELECT start_at, data FROM photo_original_parts WHERE desk_id = $1 AND sha256 = $2 AND start_at >= $3
          ORDER BY start_at LIMIT 8`,
        [deskId, sha256, from],
      );
      for (const part of parts.rows) hash.update(part.data);
      const last = parts.rows.at(-1);
      if (!last || parts.rows.length < 8) break;
      from = Number(last.start_at) + last.data.length;
    }
    if (hash.digest('hex') !== sha256) {
      await client.query('ROLLBACK');
      await pool.query('DELETE FROM photo_originals WHERE desk_id = $1 AND sha256 = $2', [deskId, sha256]);
      throw new OriginalError('hash_mismatch', 'The bytes sent do not give the photo’s SHA-256: send it again.');
    }
    await client.query('UPDATE photo_originals SET received = $3, complete = true WHERE desk_id = $1 AND sha256 = $2', [
      deskId,
      sha256,
      now,
    ]);
    await client.query('COMMIT');
    return { received: now, complete: true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The bytes from `start` to `end` (inclusive) of a complete original, from the parts that hold them; undefined when absent. */
export async function readOriginal(
  pool: DeskPool,
  deskId: string,
  sha256: string,
  range?: { start: number; end?: number },
): Promise<{ size: number; start: number; end: number; data: Buffer } | undefined> {
  const found = await pool.query<{ size: string }>(
    'SELECT size FROM photo_originals WHERE desk_id = $1 AND sha256 = $2 AND complete',
    [deskId, sha256],
  );
  if (!found.rows[0]) return undefined;
  const size = Number(found.rows[0].size);
  const start = range?.start ?? 0;
  const end = Math.min(range?.end ?? size - 1, size - 1);
  if (start > end) return { size, start, end, data: Buffer.alloc(0) };
  const parts = await pool.query<{ start_at: string; data: Buffer }>(
    `SELECT start_at, data FROM photo_original_parts
      WHERE desk_id = $1 AND sha256 = $2 AND start_at <= $4 AND start_at + length(data) > $3
      ORDER BY start_at`,
    [deskId, sha256, start, end],
  );
  const pieces = parts.rows.map((part) => {
    const at = Number(part.start_at);
    return part.data.subarray(Math.max(0, start - at), Math.min(part.data.length, end + 1 - at));
  });
  return { size, start, end, data: Buffer.concat(pieces) };
}
