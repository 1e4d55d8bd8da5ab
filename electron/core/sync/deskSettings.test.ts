import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningDesk } from '../../../server/startDesk';
import { startDesk } from '../../../server/startDesk';
import { saveDeskSettings } from '../../../server/store/settings';
import { addUser } from '../../../server/store/users';
import { actorFor } from '../../../server/testing/actors';
import { clusterForTests } from '../../../server/testing/deskDatabase';
import { testCore } from '../../testing/testCore';
import type { TestCore } from '../../testing/testCore';

const cluster = await clusterForTests();
const desk: RunningDesk = await startDesk({ database: await cluster.database(), port: 0 });
afterAll(() => desk.close());
await addUser(desk.pool, 'quantri', 'admin', 'mật khẩu quản trị');
await addUser(desk.pool, 'minhtuan', 'reporter', 'mật khẩu phóng viên');

async function laptop(user: string, password: string): Promise<TestCore> {
  const core = testCore();
  await core.call('desk.join', { url: desk.url, user, password });
  return core;
}

describe('the desk-wide settings', () => {
  it('set by the admin, reach every laptop; who works on a laptop stays its own', async () => {
    const admin = await laptop('quantri', 'mật khẩu quản trị');
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    await reporter.call('settings.update', { userName: 'Minh Tuấn' });
    await admin.call('settings.update', { userName: 'Quản trị', outletPrefix: 'CNQP&KT' });
    await admin.call('settings.update', {
      captionCodes: [{ code: '#nmh', expansion: 'Trung tướng Nguyễn Mạnh Hùng' }],
    });
    expect(await admin.call('desk.sync', {})).toMatchObject({ waiting: 0 });
    await reporter.call('desk.sync', {});
    expect(await reporter.call('settings.get', {})).toMatchObject({
      userName: 'Minh Tuấn',
      outletPrefix: 'CNQP&KT',
      captionCodes: [{ code: '#nmh', expansion: 'Trung tướng Nguyễn Mạnh Hùng' }],
    });
    const onDesk = await desk.pool.query<{ version: number; settings: Record<string, unknown> }>(
      'SELECT version, settings FROM desk_settings',
    );
    // Two changes, one push: the queued one carried both.
    expect(onDesk.rows).toMatchObject([{ version: 1, settings: { outletPrefix: 'CNQP&KT' } }]);
    expect(onDesk.rows[0]?.settings).not.toHaveProperty('userName');

    // A later change by the admin replaces only its keys.
    await admin.call('settings.update', { outletSeparator: ' – ' });
    await admin.call('desk.sync', {});
    await reporter.call('desk.sync', {});
    expect(await reporter.call('settings.get', {})).toMatchObject({ outletPrefix: 'CNQP&KT', outletSeparator: ' – ' });
  });

  it('a reporter may not change them here, and the desk refuses it from anyone but its admin', async () => {
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    expect(await reporter.result('settings.update', { outletPrefix: 'Tự đặt' })).toMatchObject({
      ok: false,
      error: { code: 'desk_settings_admin' },
    });
    expect((await reporter.call('settings.get', {})).outletPrefix).not.toBe('Tự đặt');
    const actor = await actorFor(desk.pool, 'bientap', 'editor');
    const mutationId = randomUUID();
    const refused = await saveDeskSettings(desk.pool, actor, {
      mutationId,
      baseVersion: 0,
      settings: { outletPrefix: 'Tự đặt' },
    });
    expect(refused).toMatchObject({ outcome: 'refused', rule: 'role' });
    // Sent again, answered the same, still not applied.
    expect(
      await saveDeskSettings(desk.pool, actor, { mutationId, baseVersion: 0, settings: { outletPrefix: 'Tự đặt' } }),
    ).toEqual(refused);
    const onDesk = await desk.pool.query<{ prefix: string }>(
      `SELECT settings->>'outletPrefix' AS prefix FROM desk_settings`,
    );
    expect(onDesk.rows.map((row) => row.prefix)).not.toContain('Tự đặt');
  });

  it('the people registry is the desk’s: the admin’s display forms and units reach every laptop', async () => {
    const admin = await laptop('quantri', 'mật khẩu quản trị');
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    // A name the reporter used stays in their suggestions, whatever the desk's registry says.
    const created = await reporter.call('articles.create', {});
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      contributors: [{ name: 'Lê Văn Hải', roles: ['text'] }],
    });
    await admin.call('people.save', { name: 'Nguyễn Minh Tuấn', display: 'MINH TUẤN', unit: 'Ban Thời sự' });
    await admin.call('people.save', { name: 'Trần Thu Hà', display: 'THU HÀ', unit: 'Ban Ảnh' });
    await admin.call('desk.sync', {});
    await reporter.call('desk.sync', {});
    const people = await reporter.call('people.list', {});
    expect(people).toEqual(
      expect.arrayContaining([
        { name: 'Nguyễn Minh Tuấn', display: 'MINH TUẤN', unit: 'Ban Thời sự' },
        { name: 'Trần Thu Hà', display: 'THU HÀ', unit: 'Ban Ảnh' },
        expect.objectContaining({ name: 'Lê Văn Hải' }),
      ]),
    );
    // The admin changes a unit: it follows; anyone else is told the registry is the desk's.
    await admin.call('people.save', { name: 'Trần Thu Hà', display: 'THU HÀ', unit: 'Ban Thời sự' });
    await admin.call('desk.sync', {});
    await reporter.call('desk.sync', {});
    expect(await reporter.call('people.list', {})).toContainEqual({
      name: 'Trần Thu Hà',
      display: 'THU HÀ',
      unit: 'Ban Thời sự',
    });
    expect(await reporter.result('people.save', { name: 'Trần Thu Hà', display: 'HÀ', unit: '' })).toMatchObject({
      ok: false,
      error: { code: 'desk_settings_admin' },
    });
  });

  it('a laptop that is not on a desk changes every setting as before', async () => {
    const alone = testCore();
    expect(await alone.call('settings.update', { outletPrefix: 'Riêng' })).toMatchObject({ outletPrefix: 'Riêng' });
  });
});
