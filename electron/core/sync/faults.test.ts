import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { inlineText, paragraph } from '../../../shared/article/article';
import { startTcpProxy } from '../../../server/testing/tcpProxy';
import { deskForTests, editorLogin, globalId, joinedLaptop, localId, reporterLogin } from '../../testing/deskForTests';
import type { TestCore } from '../../testing/testCore';
import { CoreError } from '../CoreError';
import { deskClient } from './deskClient';
import { readDeskLink } from './deskLink';
import { syncRound } from './syncRound';

// The network between laptop and desk goes wrong: a TCP proxy that cuts or stalls, a laptop
// offline for a long time, clocks hours off. Every save reaches the desk once, and all converge.

const desk = await deskForTests();
const proxy = await startTcpProxy(new URL(desk.url));
afterAll(async () => {
  await proxy.close();
});
afterEach(() => {
  proxy.heal();
  vi.useRealTimers();
});

const reporterLaptop = () => joinedLaptop(proxy.url, reporterLogin);
const editorLaptop = () => joinedLaptop(proxy.url, editorLogin);

const onDesk = async (global: string) =>
  (
    await desk.pool.query<{ version: number; content: { headline: string } }>(
      'SELECT version, content FROM article_documents WHERE id = $1',
      [global],
    )
  ).rows;
const texts = async (core: TestCore, id: number) => {
  const article = await core.call('articles.get', { id });
  return {
    headline: article.headline,
    body: article.body.map((block) => (block.type === 'paragraph' ? inlineText(block.children) : block.type)),
  };
};

/** A new article saved with `headline`, waiting to be sent; its id. */
async function savedStory(core: TestCore, headline: string): Promise<number> {
  const created = await core.call('articles.create', {});
  await core.call('articles.save', { id: created.id, baseVersion: created.version, headline });
  return created.id;
}

/** The line healed, the next round sends what waited, and the desk has it once (version 1). */
async function sentOnceHealed(core: TestCore, id: number, headline: string): Promise<void> {
  proxy.heal();
  expect(await core.call('desk.sync', {})).toMatchObject({ applied: 1, waiting: 0 });
  expect(await onDesk(globalId(core, id))).toMatchObject([{ version: 1, content: { headline } }]);
}

describe('faults between laptop and desk', () => {
  it('the connection cut as the desk answers: the push counts once, and the resend is answered, not applied', async () => {
    const reporter = await reporterLaptop();
    const id = await savedStory(reporter, 'Trước khi đứt');
    proxy.cutAnswers();
    expect(await reporter.result('desk.sync', {})).toMatchObject({ ok: false, error: { code: 'desk_unreachable' } });
    expect(proxy.cut()).toBeGreaterThan(0);
    // The desk committed it; the laptop does not know and keeps it queued.
    expect(await onDesk(globalId(reporter, id))).toMatchObject([{ version: 1 }]);
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 1 });
    await sentOnceHealed(reporter, id, 'Trước khi đứt');
  });

  it('a stalled connection times out, keeps the save, and it goes once the line is back', async () => {
    const reporter = await reporterLaptop();
    const id = await savedStory(reporter, 'Đường truyền treo');
    proxy.stall();
    const token = readDeskLink(reporter.dataDir)?.token ?? '';
    const stalled = syncRound(reporter.db, reporter.dataDir, deskClient(proxy.url, token, 1_500));
    await expect(stalled).rejects.toBeInstanceOf(CoreError);
    await expect(stalled).rejects.toMatchObject({ code: 'desk_unreachable' });
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 1 });
    await sentOnceHealed(reporter, id, 'Đường truyền treo');
  });

  it('500 edits made offline on ten articles, while the editor changed them too: all land, all converge', async () => {
    const reporter = await reporterLaptop();
    const editor = await editorLaptop();
    const ids: number[] = [];
    for (let n = 0; n < 10; n += 1) {
      const created = await reporter.call('articles.create', {});
      const saved = await reporter.call('articles.save', {
        id: created.id,
        baseVersion: created.version,
        headline: `Bài ${n}`,
        body: ['Một.', 'Hai.', 'Ba.', 'Bốn.'].map(paragraph),
      });
      ids.push(saved.id);
    }
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});

    // A week away: the reporter edits paragraphs one to three 500 times, the editor the headline and paragraph four.
    const versions = new Map<number, number>();
    for (const id of ids) versions.set(id, (await reporter.call('articles.get', { id })).version);
    for (let edit = 0; edit < 500; edit += 1) {
      const id = ids[edit % 10] ?? 0;
      const current = await reporter.call('articles.get', { id });
      const body = current.body.map((block, index) =>
        index === edit % 3 ? paragraph(`Đoạn ${index + 1}, lần sửa ${edit}.`) : block,
      );
      const saved = await reporter.call('articles.save', { id, baseVersion: versions.get(id) ?? 0, body });
      versions.set(id, saved.version);
    }
    for (const id of ids) {
      const there = localId(editor, globalId(reporter, id));
      const copy = await editor.call('articles.get', { id: there });
      await editor.call('articles.save', {
        id: there,
        baseVersion: copy.version,
        headline: `${copy.headline}: biên tập`,
        body: copy.body.map((block, index) => (index === 3 ? paragraph('Bốn, biên tập viết lại.') : block)),
      });
    }
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 10 });

    await editor.call('desk.sync', {});
    const sent = await reporter.call('desk.sync', {});
    expect(sent.pushed).toBeLessThanOrEqual(20);
    expect(sent.conflicts).toBe(0);
    await editor.call('desk.sync', {});
    for (const [n, id] of ids.entries()) {
      const last = (paragraphIndex: number) =>
        Math.max(...[...Array(500).keys()].filter((edit) => edit % 10 === n && edit % 3 === paragraphIndex));
      const expected = {
        headline: `Bài ${n}: biên tập`,
        body: [0, 1, 2].map((index) => `Đoạn ${index + 1}, lần sửa ${last(index)}.`).concat('Bốn, biên tập viết lại.'),
      };
      expect(await texts(reporter, id)).toEqual(expected);
      expect(await texts(editor, localId(editor, globalId(reporter, id)))).toEqual(expected);
      expect((await onDesk(globalId(reporter, id)))[0]?.content.headline).toBe(expected.headline);
    }
  });

  it('clocks hours apart on two laptops: the desk orders by what it received, and both edits stay', async () => {
    const reporter = await reporterLaptop();
    const editor = await editorLaptop();
    const created = await reporter.call('articles.create', {});
    const saved = await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Giờ lệch',
      body: ['Một.', 'Hai.'].map(paragraph),
    });
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});
    const there = localId(editor, globalId(reporter, created.id));
    const hour = 3_600_000;

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 9 * hour });
    const copy = await editor.call('articles.get', { id: there });
    await editor.call('articles.save', {
      id: there,
      baseVersion: copy.version,
      body: [paragraph('Một, sửa lúc đồng hồ nhanh chín giờ.'), paragraph('Hai.')],
    });
    await editor.call('desk.sync', {});
    vi.setSystemTime(Date.now() - 14 * hour);
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: saved.version,
      body: [paragraph('Một.'), paragraph('Hai, sửa lúc đồng hồ chậm năm giờ.')],
    });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ merged: 1, conflicts: 0 });
    vi.useRealTimers();
    await editor.call('desk.sync', {});

    const expected = ['Một, sửa lúc đồng hồ nhanh chín giờ.', 'Hai, sửa lúc đồng hồ chậm năm giờ.'];
    expect((await texts(reporter, created.id)).body).toEqual(expected);
    expect((await texts(editor, there)).body).toEqual(expected);
    // The desk's revisions are stamped by the desk, in the order it took them.
    const revisions = await desk.pool.query<{ version: number; created_at: Date }>(
      'SELECT version, created_at FROM article_revisions WHERE article_id = $1 ORDER BY version',
      [globalId(reporter, created.id)],
    );
    const stamps = revisions.rows.map((row) => row.created_at.getTime());
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(Math.abs((stamps.at(-1) ?? 0) - Date.now())).toBeLessThan(60_000);
  });
});
