import { afterAll, describe, expect, it } from 'vitest';
import type { RunningDesk } from '../../../server/startDesk';
import { startDesk } from '../../../server/startDesk';
import { addUser, disableUser } from '../../../server/store/users';
import { clusterForTests } from '../../../server/testing/deskDatabase';
import { callService } from '../../testing/testCore';
import { tempDir } from '../../testing/tempDir';
import type { ArchiveService } from '../archiveService';
import { startArchive } from '../archiveService';

// Laptops as the editor's shells open them (background sync on), and a real desk over HTTP.
// Nobody calls desk.sync here: everything moves by itself.

const cluster = await clusterForTests();
const database = await cluster.database();
let desk: RunningDesk = await startDesk({ database, port: 0 });
const port = Number(new URL(desk.url).port);
const laptops: ArchiveService[] = [];
afterAll(async () => {
  for (const laptop of laptops) laptop.close();
  await desk.close();
});
await addUser(desk.pool, 'minhtuan', 'reporter', 'mật khẩu phóng viên');
await addUser(desk.pool, 'bientap', 'editor', 'mật khẩu biên tập');

async function laptop(user: string, password: string): Promise<ArchiveService> {
  const service = await startArchive(tempDir(), { backgroundSync: true });
  laptops.push(service);
  await callService(service, 'desk.join', { url: desk.url, user, password });
  return service;
}
const headlines = async (service: ArchiveService) =>
  (await callService(service, 'articles.list', {})).articles.map((article) => article.headline);
const onDesk = async (headline: string) =>
  (
    await desk.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM article_documents WHERE content->>'headline' = $1`,
      [headline],
    )
  ).rows[0]?.n;

describe('background sync', () => {
  it('a save on one laptop appears on the other by itself, told by the desk’s event stream', async () => {
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    const editor = await laptop('bientap', 'mật khẩu biên tập');
    await expect
      .poll(async () => (await callService(editor, 'desk.status', {})) as unknown)
      .toMatchObject({
        connection: { background: true, online: true, error: null },
      });
    const created = await callService(reporter, 'articles.create', {});
    await callService(reporter, 'articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Tin nóng từ hiện trường',
    });
    await expect.poll(() => headlines(editor), { timeout: 10_000 }).toContain('Tin nóng từ hiện trường');
    expect(await callService(reporter, 'desk.status', {})).toMatchObject({ waiting: 0 });
  });

  it('the desk down: saves stay here, the laptop says why and when it tries again, then sends them itself', async () => {
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    await expect
      .poll(async () => ((await callService(reporter, 'desk.status', {})) as { connection?: unknown }).connection)
      .toMatchObject({ online: true });
    await desk.close();
    const created = await callService(reporter, 'articles.create', {});
    for (const [n, words] of ['Mất mạng', 'Mất mạng vẫn viết', 'Mất mạng vẫn viết tiếp'].entries())
      await callService(reporter, 'articles.save', {
        id: created.id,
        baseVersion: created.version + n,
        headline: words,
      });
    await expect
      .poll(async () => (await callService(reporter, 'desk.status', {})) as unknown, { timeout: 10_000 })
      .toMatchObject({ waiting: 1, connection: { online: false, error: { code: 'desk_unreachable' } } });
    const status = (await callService(reporter, 'desk.status', {})) as { connection: { retryAt: string | null } };
    expect(Date.parse(status.connection.retryAt ?? '')).toBeGreaterThan(Date.now() - 1_000);
    expect((await callService(reporter, 'articles.get', { id: created.id })).headline).toBe('Mất mạng vẫn viết tiếp');

    desk = await startDesk({ database, port });
    await expect.poll(() => onDesk('Mất mạng vẫn viết tiếp'), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(async () => (await callService(reporter, 'desk.status', {})) as unknown, { timeout: 10_000 })
      .toMatchObject({ waiting: 0, connection: { online: true, error: null, retryAt: null } });
  });

  it('signed out by the desk: says so and stops asking, while saving goes on', async () => {
    await addUser(desk.pool, 'cuutv', 'reporter', 'mật khẩu cộng tác viên');
    const former = await laptop('cuutv', 'mật khẩu cộng tác viên');
    await disableUser(desk.pool, 'cuutv');
    const created = await callService(former, 'articles.create', {});
    await callService(former, 'articles.save', { id: created.id, baseVersion: created.version, headline: 'Bài cuối' });
    await expect
      .poll(async () => (await callService(former, 'desk.status', {})) as unknown, { timeout: 10_000 })
      .toMatchObject({ waiting: 1, connection: { error: { code: 'desk_signed_out' }, retryAt: null } });
    expect(await onDesk('Bài cuối')).toBe(0);
  });
});
