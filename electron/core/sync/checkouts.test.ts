import { describe, expect, it } from 'vitest';
import { deskForTests, editorLogin, globalId, joinedLaptop, localId, reporterLogin } from '../../testing/deskForTests';
import { testCore } from '../../testing/testCore';

const desk = await deskForTests();
const reporterLaptop = () => joinedLaptop(desk.url, reporterLogin);
const editorLaptop = () => joinedLaptop(desk.url, editorLogin);

describe('being edited by', () => {
  it('each laptop sees who else has an article open, never itself; closing it clears the mark', async () => {
    const reporter = await reporterLaptop();
    const editor = await editorLaptop();
    const created = await reporter.call('articles.create', {});
    await reporter.call('articles.save', { id: created.id, baseVersion: created.version, headline: 'Đang viết' });
    // Not on the desk yet: nobody else can have it, and nothing is asked.
    expect(await reporter.call('desk.editing', { id: created.id, editing: true })).toEqual([]);
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});
    const there = localId(editor, globalId(reporter, created.id));

    expect(await reporter.call('desk.editing', { id: created.id, editing: true })).toEqual([]);
    const seen = await editor.call('desk.editing', { id: there, editing: true });
    expect(seen).toMatchObject([{ id: there, user: 'minhtuan' }]);
    const until = Date.parse(seen[0]?.until ?? '');
    expect(until - Date.now()).toBeGreaterThan(60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(125_000);
    expect(await reporter.call('desk.editors', {})).toMatchObject([{ id: created.id, user: 'bientap' }]);

    await reporter.call('desk.editing', { id: created.id, editing: false });
    expect(await editor.call('desk.editors', {})).toEqual([]);
    expect(await editor.call('desk.editing', { id: there, editing: false })).toEqual([]);
    expect(await reporter.call('desk.editors', {})).toEqual([]);
  });

  it('a lapsed mark is not shown, and is cleared when met', async () => {
    const reporter = await reporterLaptop();
    const editor = await editorLaptop();
    const created = await reporter.call('articles.create', {});
    await reporter.call('articles.save', { id: created.id, baseVersion: created.version, headline: 'Bỏ quên' });
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});
    await reporter.call('desk.editing', { id: created.id, editing: true });
    // The reporter's laptop went to sleep three minutes ago.
    await desk.pool.query(`UPDATE checkouts SET until = now() - interval '1 minute'`);
    expect(await editor.call('desk.editors', {})).toEqual([]);
    const there = localId(editor, globalId(reporter, created.id));
    expect(await editor.call('desk.editing', { id: there, editing: true })).toEqual([]);
    const left = await desk.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM checkouts WHERE until < now()`);
    expect(left.rows[0]?.n).toBe(0);
  });

  it('is refused without a desk, and validated', async () => {
    const alone = testCore();
    const created = await alone.call('articles.create', {});
    expect(await alone.result('desk.editing', { id: created.id, editing: true })).toMatchObject({
      ok: false,
      error: { code: 'desk_not_joined' },
    });
    expect(await alone.result('desk.editing', { id: -1, editing: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});
