import { describe, expect, it } from 'vitest';
import { inlineText, paragraph } from '../../../shared/article/article';
import { deskForTests, editorLogin, globalId, joinedLaptop, localId, reporterLogin } from '../../testing/deskForTests';
import type { TestCore } from '../../testing/testCore';

// The rare true conflict: the same words changed differently on two laptops. Nothing is lost; a
// person chooses passage by passage, on either laptop, and the desk hears it is settled.

const desk = await deskForTests();
const texts = async (core: TestCore, id: number) =>
  (await core.call('articles.get', { id })).body.map((block) =>
    block.type === 'paragraph' ? inlineText(block.children) : block.type,
  );
async function edit(core: TestCore, id: number, body: string[], headline?: string) {
  const article = await core.call('articles.get', { id });
  await core.call('articles.save', {
    id,
    baseVersion: article.version,
    body: body.map(paragraph),
    ...(headline ? { headline } : {}),
  });
}

describe('a conflict, shown and settled', () => {
  it('shows both texts of each clashing passage, keeps the one chosen, and clears the marker on every laptop', async () => {
    const reporter = await joinedLaptop(desk.url, reporterLogin);
    const editor = await joinedLaptop(desk.url, editorLogin);
    const created = await reporter.call('articles.create', {});
    await edit(reporter, created.id, ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.'], 'Tin sáng');
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});
    const onEditor = localId(editor, globalId(reporter, created.id));

    // Offline, both rewrite the second paragraph, and the reporter the headline too.
    await edit(editor, onEditor, ['Đoạn một.', 'Đoạn hai, biên tập viết lại.', 'Đoạn ba.']);
    await edit(reporter, created.id, ['Đoạn một.', 'Đoạn hai, phóng viên bổ sung ý.', 'Đoạn ba.'], 'Tin sáng nay');
    expect(await editor.call('desk.sync', {})).toMatchObject({ applied: 1 });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ conflicts: 1 });

    // On the reporter's laptop: the desk's text is current, the reporter's own is kept, word for word.
    expect(await texts(reporter, created.id)).toEqual(['Đoạn một.', 'Đoạn hai, biên tập viết lại.', 'Đoạn ba.']);
    expect((await reporter.call('articles.get', { id: created.id })).headline).toBe('Tin sáng nay');
    const { conflict } = await reporter.call('desk.conflict', { id: created.id });
    expect(conflict).toMatchObject({
      authors: expect.arrayContaining(['bientap', 'minhtuan']) as string[],
      passages: [
        { field: 'body', current: ['Đoạn hai, biên tập viết lại.'], kept: ['Đoạn hai, phóng viên bổ sung ý.'] },
      ],
    });
    // The editor's laptop knows of it too.
    await editor.call('desk.sync', {});
    expect((await editor.call('desk.conflict', { id: onEditor })).conflict).not.toBeNull();

    // The reporter takes the other text (their own) for the passage.
    expect(
      await reporter.result('desk.resolve', { id: created.id, version: conflict!.version, useKept: [] }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    await reporter.call('desk.resolve', { id: created.id, version: conflict!.version, useKept: [true] });
    expect(await texts(reporter, created.id)).toEqual(['Đoạn một.', 'Đoạn hai, phóng viên bổ sung ý.', 'Đoạn ba.']);
    expect((await reporter.call('desk.conflict', { id: created.id })).conflict).toBeNull();
    expect(await reporter.call('desk.sync', {})).toMatchObject({ applied: 1 });
    const marker = await desk.pool.query<{ conflict: unknown }>('SELECT conflict FROM articles WHERE id = $1', [
      globalId(reporter, created.id),
    ]);
    expect(marker.rows).toEqual([{ conflict: null }]);
    await editor.call('desk.sync', {});
    expect((await editor.call('desk.conflict', { id: onEditor })).conflict).toBeNull();
    expect(await texts(editor, onEditor)).toEqual(await texts(reporter, created.id));
    // The text not chosen stays in the reporter's history, as the version the pull wrote.
    const revisions = await reporter.call('articles.history', { id: created.id });
    const kept = await Promise.all(
      revisions.map((revision) => reporter.call('articles.revision', { id: created.id, revisionId: revision.id })),
    );
    expect(JSON.stringify(kept)).toContain('Đoạn hai, biên tập viết lại.');
    expect(JSON.stringify(kept)).toContain('Đoạn hai, phóng viên bổ sung ý.');
    expect(revisions.map((revision) => revision.name).filter(Boolean)).toEqual(
      expect.arrayContaining(['⇄ bientap', '⇄ minhtuan']),
    );
  });

  it('keeping the current text whole still settles the conflict on the desk', async () => {
    const reporter = await joinedLaptop(desk.url, reporterLogin);
    const editor = await joinedLaptop(desk.url, editorLogin);
    const created = await reporter.call('articles.create', {});
    await edit(reporter, created.id, ['Một câu.']);
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});
    const onEditor = localId(editor, globalId(reporter, created.id));
    await edit(editor, onEditor, ['Một câu của biên tập.']);
    await edit(reporter, created.id, ['Một câu của phóng viên.']);
    await editor.call('desk.sync', {});
    await reporter.call('desk.sync', {});
    const { conflict } = await reporter.call('desk.conflict', { id: created.id });
    await reporter.call('desk.resolve', { id: created.id, version: conflict!.version, useKept: [false] });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ pushed: 1 });
    const marker = await desk.pool.query<{ conflict: unknown }>('SELECT conflict FROM articles WHERE id = $1', [
      globalId(reporter, created.id),
    ]);
    expect(marker.rows).toEqual([{ conflict: null }]);
    expect(await texts(reporter, created.id)).toEqual(['Một câu của biên tập.']);
  });
});
