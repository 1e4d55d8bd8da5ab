import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/article/article';
import { addUser, disableUser } from '../../../server/store/users';
import { deskForTests, globalId, joinedLaptop, localId } from '../../testing/deskForTests';
import { testCore } from '../../testing/testCore';
import type { TestCore } from '../../testing/testCore';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const desk = await deskForTests();
const laptop = (user: string, password: string) => joinedLaptop(desk.url, { user, password });
const bodyOf = async (core: TestCore, id: number) =>
  (await core.call('articles.get', { id })).body.map((block) => ('children' in block ? block.children : block));

describe('two laptops and a desk', () => {
  it('joins with a password, keeps the token in a file only its user reads, and refuses a wrong one', async () => {
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    expect(statSync(join(reporter.dataDir, 'desk.json')).mode & 0o777).toBe(0o600);
    expect(await reporter.call('desk.status', {})).toMatchObject({ joined: true, user: 'minhtuan', role: 'reporter' });
    const stranger = testCore();
    expect(await stranger.result('desk.join', { url: desk.url, user: 'minhtuan', password: 'sai' })).toMatchObject({
      ok: false,
      error: { code: 'desk_wrong_password' },
    });
    expect(await stranger.result('desk.sync', {})).toMatchObject({ ok: false, error: { code: 'desk_not_joined' } });
  });

  it('a reporter’s story reaches the editor; edits of different paragraphs offline merge; both converge', async () => {
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    const editor = await laptop('bientap', 'mật khẩu biên tập');
    const created = await reporter.call('articles.create', {});
    const saved = await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Hội nghị tổng kết công tác Đảng',
      body: ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.'].map(paragraph),
    });
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 1 });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ applied: 1, waiting: 0 });
    expect(await editor.call('desk.sync', {})).toMatchObject({ pulled: { created: 1 } });
    const onEditor = localId(editor, globalId(reporter, created.id));
    expect((await editor.call('articles.get', { id: onEditor })).headline).toBe('Hội nghị tổng kết công tác Đảng');

    // Offline, each changes a different paragraph; the editor also changes the section.
    const editorCopy = await editor.call('articles.get', { id: onEditor });
    await editor.call('articles.save', {
      id: onEditor,
      baseVersion: editorCopy.version,
      body: ['Đoạn một, biên tập sửa.', 'Đoạn hai.', 'Đoạn ba.'].map(paragraph),
      section: 'Thời sự',
    });
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: saved.version,
      body: ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba, thêm ý.', 'Đoạn bốn.'].map(paragraph),
    });
    expect(await editor.call('desk.sync', {})).toMatchObject({ applied: 1 });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ merged: 1 });
    await editor.call('desk.sync', {});
    await reporter.call('desk.sync', {});
    const expected = ['Đoạn một, biên tập sửa.', 'Đoạn hai.', 'Đoạn ba, thêm ý.', 'Đoạn bốn.'].map(
      (text) => paragraph(text).children,
    );
    expect(await bodyOf(reporter, created.id)).toEqual(expected);
    expect(await bodyOf(editor, onEditor)).toEqual(expected);
    expect((await reporter.call('articles.get', { id: created.id })).section).toBe('Thời sự');
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 0 });
  });

  it('the same words changed on both laptops: the desk keeps one, the other is a conflict revision', async () => {
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    const editor = await laptop('bientap', 'mật khẩu biên tập');
    const created = await reporter.call('articles.create', {});
    const first = await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Tít gốc',
    });
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});
    const onEditor = localId(editor, globalId(reporter, created.id));
    const copy = await editor.call('articles.get', { id: onEditor });
    await editor.call('articles.save', { id: onEditor, baseVersion: copy.version, headline: 'Tít của biên tập' });
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: first.version,
      headline: 'Tít của phóng viên',
    });
    await editor.call('desk.sync', {});
    expect(await reporter.call('desk.sync', {})).toMatchObject({ conflicts: 1 });
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});
    expect((await reporter.call('articles.get', { id: created.id })).headline).toBe('Tít của biên tập');
    expect((await editor.call('articles.get', { id: onEditor })).headline).toBe('Tít của biên tập');
    const kept = await desk.pool.query<{ content: { headline: string } }>(
      `SELECT content FROM revision_documents WHERE article_id = $1 AND kind = 'conflict'`,
      [globalId(reporter, created.id)],
    );
    expect(kept.rows.map((row) => row.content.headline)).toEqual(['Tít của phóng viên']);
  });

  it('a status the desk refuses comes back with its rule, and the local status is corrected', async () => {
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    const created = await reporter.call('articles.create', {});
    const saved = await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Bài',
    });
    const submitted = await reporter.call('articles.setStatus', {
      id: created.id,
      baseVersion: saved.version,
      status: 'submitted',
    });
    await reporter.call('desk.sync', {});
    // Locally the reporter takes it back to draft; the desk does not let a reporter do that.
    await reporter.call('articles.setStatus', { id: created.id, baseVersion: submitted.version, status: 'draft' });
    const report = await reporter.call('desk.sync', {});
    expect(report.refused).toMatchObject([{ articleId: created.id, rule: 'submitted' }]);
    expect((await reporter.call('articles.get', { id: created.id })).status).toBe('submitted');
    expect(await reporter.call('desk.status', {})).toMatchObject({
      refusals: [{ articleId: created.id, rule: 'submitted' }],
    });
  });

  it('offline: saves keep landing locally and wait; the unreachable desk is said, then everything goes', async () => {
    const reporter = await laptop('minhtuan', 'mật khẩu phóng viên');
    const link = join(reporter.dataDir, 'desk.json');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const real = readFileSync(link, 'utf8');
    writeFileSync(link, real.replace(desk.url, 'http://127.0.0.1:1'), { mode: 0o600 });
    const created = await reporter.call('articles.create', {});
    let version = created.version;
    for (let n = 0; n < 20; n += 1)
      version = (await reporter.call('articles.save', { id: created.id, baseVersion: version, headline: `Bản ${n}` }))
        .version;
    expect(await reporter.result('desk.sync', {})).toMatchObject({ ok: false, error: { code: 'desk_unreachable' } });
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 1 });
    writeFileSync(link, real, { mode: 0o600 });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ applied: 1, waiting: 0 });
    const onDesk = await desk.pool.query<{ content: { headline: string } }>(
      'SELECT content FROM article_documents WHERE id = $1',
      [globalId(reporter, created.id)],
    );
    expect(onDesk.rows[0]?.content.headline).toBe('Bản 19');
  });

  it('a signed-out device is told so and keeps saving here; nothing it saved is sent under its name', async () => {
    await addUser(desk.pool, 'tamthoi', 'reporter', 'mật khẩu tạm thời');
    const laptopCore = await laptop('tamthoi', 'mật khẩu tạm thời');
    await disableUser(desk.pool, 'tamthoi');
    const created = await laptopCore.call('articles.create', {});
    await laptopCore.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Vẫn lưu trên máy',
    });
    expect(await laptopCore.result('desk.sync', {})).toMatchObject({ ok: false, error: { code: 'desk_signed_out' } });
    expect((await laptopCore.call('articles.get', { id: created.id })).headline).toBe('Vẫn lưu trên máy');
    expect(await laptopCore.call('desk.status', {})).toMatchObject({ waiting: 1 });
  });
});
