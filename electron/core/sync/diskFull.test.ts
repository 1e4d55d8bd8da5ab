import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/article/article';
import type { RunningDesk } from '../../../server/startDesk';
import { startDesk } from '../../../server/startDesk';
import { addUser } from '../../../server/store/users';
import type { TestCluster } from '../../../server/testing/postgres';
import { startCluster } from '../../../server/testing/postgres';
import { testCore } from '../../testing/testCore';

// The desk's PostgreSQL on a disk of 96 MB of its own (a tmpfs), filled to the last byte.
const root = process.getuid?.() === 0;
if (!root) console.warn('Disk-full test skipped: mounting a small disk for PostgreSQL needs root.');

/** Writes zeros until the disk refuses; the file, to be removed to make room again. */
function fillDisk(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    // The last bytes too, so the next page PostgreSQL asks for is refused.
    for (let size = 1 << 19; size >= 512; size >>= 1)
      try {
        for (;;) writeSync(fd, chunk.subarray(0, size));
      } catch {
        // Smaller next.
      }
  } finally {
    closeSync(fd);
  }
  return file;
}

describe.skipIf(!root)('the desk’s disk full', () => {
  let mounted: string | undefined;
  let cluster: TestCluster | undefined;
  let desk: RunningDesk | undefined;
  afterAll(async () => {
    await desk?.close();
    cluster?.stop();
    if (mounted) spawnSync('umount', [mounted]);
    if (mounted) rmSync(mounted, { recursive: true, force: true });
  });

  it('refuses the push with its own message, the laptop keeps everything, and it lands once there is room', async () => {
    mounted = mkdtempSync(join(tmpdir(), 'newsroom-small-disk-'));
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=96m,mode=0755', 'tmpfs', mounted], {
      encoding: 'utf8',
    });
    expect(mount.status, mount.stderr).toBe(0);
    cluster = await startCluster({ parent: mounted });
    desk = await startDesk({ database: await cluster.database(), port: 0 });
    await addUser(desk.pool, 'minhtuan', 'reporter', 'mật khẩu phóng viên');
    const reporter = testCore();
    await reporter.call('desk.join', { url: desk.url, user: 'minhtuan', password: 'mật khẩu phóng viên' });
    const before = await reporter.call('articles.create', {});
    await reporter.call('articles.save', { id: before.id, baseVersion: before.version, headline: 'Trước khi đầy' });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ applied: 1 });

    const filler = fillDisk(mounted);
    const created = await reporter.call('articles.create', {});
    const words = Array.from({ length: 400 }, (_, n) => `Đoạn ${n}: hội nghị tổng kết công tác Đảng năm nay.`);
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Viết khi ổ đĩa tòa soạn đầy',
      body: words.map(paragraph),
    });
    const refused = await reporter.result('desk.sync', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'desk_full' } });
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 1 });
    expect((await reporter.call('articles.get', { id: created.id })).body).toHaveLength(400);

    rmSync(filler);
    expect(await reporter.call('desk.sync', {})).toMatchObject({ applied: 1, waiting: 0 });
    const onDesk = await desk.pool.query<{ headline: string; blocks: number }>(
      `SELECT content->>'headline' AS headline, jsonb_array_length(content->'body') AS blocks
         FROM article_documents ORDER BY updated_at`,
    );
    expect(onDesk.rows).toEqual([
      { headline: 'Trước khi đầy', blocks: 1 },
      { headline: 'Viết khi ổ đĩa tòa soạn đầy', blocks: 400 },
    ]);
  });
});
