import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../shared/article/article';
import type { Mutation } from '../../shared/desk/protocol';
import { actorFor, clusterForTests, deskDatabase } from '../testing/deskDatabase';
import { pull, push } from './sync';
import { deskId } from './users';
import { applyMutation } from './articles';

const cluster = await clusterForTests();
const { pool } = await deskDatabase(cluster);
const reporter = await actorFor(pool, 'minhtuan', 'reporter');
const other = await actorFor(pool, 'nguyenkhoi', 'reporter');
const editor = await actorFor(pool, 'bientap', 'editor');
const photo = await actorFor(pool, 'anh', 'photo');

const save = (articleId: string, baseVersion: number, fields: Extract<Mutation, { kind: 'article.save' }>['fields']) =>
  ({ kind: 'article.save', mutationId: randomUUID(), articleId, baseVersion, fields }) as const;
const status = (articleId: string, baseVersion: number, to: 'submitted' | 'edited' | 'approved') =>
  ({ kind: 'article.status', mutationId: randomUUID(), articleId, baseVersion, status: to }) as const;

describe('the change log', () => {
  it('never lets a reader skip a change: a transaction held open keeps later ones waiting', async () => {
    const desk = await deskId(pool);
    const { cursor: start } = await pull(pool, desk, 0, 500);
    const [a, b] = [randomUUID(), randomUUID()];
    // The slow one: applied and numbered as a push does it, then held open before COMMIT.
    const slow = await pool.connect();
    await slow.query('BEGIN');
    await applyMutation(slow, reporter, save(a, 0, { headline: 'Chậm' }));
    await slow.query('SELECT record_change($1, $2, $3)', [desk, 'article', a]);
    let fastDone = false;
    const fast = push(pool, reporter, [save(b, 0, { headline: 'Nhanh' })]).then((outcome) => {
      fastDone = true;
      return outcome;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The fast one waits for the counter row; a reader sees neither yet.
    expect(fastDone).toBe(false);
    expect((await pull(pool, desk, start, 500)).changes).toEqual([]);
    await slow.query('COMMIT');
    slow.release();
    await fast;
    const after = await pull(pool, desk, start, 500);
    expect(after.changes.map((change) => [change.seq, change.article.content.headline])).toEqual([
      [start + 1, 'Chậm'],
      [start + 2, 'Nhanh'],
    ]);
  });

  it('pages through changes with a cursor, each article once a page, as it is now', async () => {
    const desk = await deskId(pool);
    const { cursor: start } = await pull(pool, desk, 0, 500);
    const id = randomUUID();
    await push(pool, reporter, [save(id, 0, { headline: 'Một' }), save(id, 1, { headline: 'Hai' })]);
    for (let n = 0; n < 5; n += 1) await push(pool, reporter, [save(randomUUID(), 0, { headline: `Bài ${n}` })]);
    const first = await pull(pool, desk, start, 3);
    expect(first.more).toBe(true);
    expect(first.changes.map((change) => change.article.content.headline)).toEqual(['Hai', 'Bài 0']);
    const second = await pull(pool, desk, first.cursor, 3);
    const third = await pull(pool, desk, second.cursor, 3);
    expect([...second.changes, ...third.changes].map((change) => change.article.content.headline)).toEqual([
      'Bài 1',
      'Bài 2',
      'Bài 3',
      'Bài 4',
    ]);
    expect(third.more).toBe(false);
  });
});

describe('pushing mutations', () => {
  it('a mutation sent again is answered again and applied once', async () => {
    const id = randomUUID();
    const mutation = save(id, 0, { headline: 'Hội nghị' });
    const first = await push(pool, reporter, [mutation]);
    const again = await push(pool, reporter, [mutation, mutation]);
    expect(again).toEqual([first[0], first[0]]);
    const rows = await pool.query('SELECT version FROM articles WHERE id = $1', [id]);
    expect(rows.rows).toEqual([{ version: 1 }]);
    // The same mutation sent twice at once is applied once too.
    const twin = save(id, 1, { section: 'Thời sự' });
    const both = await Promise.all([push(pool, reporter, [twin]), push(pool, reporter, [twin])]);
    expect(both[0]).toEqual(both[1]);
    expect((await pool.query('SELECT version FROM articles WHERE id = $1', [id])).rows).toEqual([{ version: 2 }]);
  });

  it('merges edits of different paragraphs made on two laptops from the same version', async () => {
    const id = randomUUID();
    const body = ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.'];
    await push(pool, reporter, [save(id, 0, { headline: 'Bài chung', body: body.map(paragraph) })]);
    const [fromEditor] = await push(pool, editor, [
      save(id, 1, { body: ['Đoạn một, biên tập sửa.', 'Đoạn hai.', 'Đoạn ba.'].map(paragraph) }),
    ]);
    const [fromReporter] = await push(pool, reporter, [
      save(id, 1, { body: ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba, phóng viên thêm.'].map(paragraph) }),
    ]);
    expect(fromEditor).toMatchObject({ outcome: 'applied', version: 2 });
    expect(fromReporter).toMatchObject({ outcome: 'merged', version: 3 });
    const row = await pool.query('SELECT content FROM article_documents WHERE id = $1', [id]);
    expect((row.rows[0] as { content: { body: unknown } }).content.body).toEqual(
      ['Đoạn một, biên tập sửa.', 'Đoạn hai.', 'Đoạn ba, phóng viên thêm.'].map(paragraph),
    );
  });

  it('the same words changed on both: the desk keeps its text, the other is a conflict revision', async () => {
    const id = randomUUID();
    await push(pool, reporter, [save(id, 0, { headline: 'Tít gốc' })]);
    await push(pool, editor, [save(id, 1, { headline: 'Tít của biên tập' })]);
    const [outcome] = await push(pool, reporter, [save(id, 1, { headline: 'Tít của phóng viên' })]);
    expect(outcome).toMatchObject({ outcome: 'conflict', fields: ['headline'], version: 3 });
    const article = await pool.query<{ content: { headline: string }; conflict: unknown }>(
      'SELECT content, conflict FROM article_documents WHERE id = $1',
      [id],
    );
    expect(article.rows[0]?.content.headline).toBe('Tít của biên tập');
    expect(article.rows[0]?.conflict).toEqual({ authors: ['bientap', 'minhtuan'], version: 3, fields: ['headline'] });
    const kept = await pool.query<{ content: { headline: string } }>(
      `SELECT content FROM revision_documents WHERE article_id = $1 AND kind = 'conflict'`,
      [id],
    );
    expect(kept.rows.map((row) => row.content.headline)).toEqual(['Tít của phóng viên']);
  });

  it('enforces the roles on every mutation, naming the rule', async () => {
    const id = randomUUID();
    const figure = (caption: string) => ({
      type: 'figure' as const,
      photoId: 'a'.repeat(64),
      caption,
      children: [{ text: '' as const }] as [{ text: '' }],
    });
    await push(pool, reporter, [save(id, 0, { headline: 'Của Minh Tuấn', body: [paragraph('Một.'), figure('')] })]);
    expect(await push(pool, other, [save(id, 1, { headline: 'Sửa trộm' })])).toMatchObject([
      { outcome: 'refused', rule: 'not-author' },
    ]);
    expect(await push(pool, photo, [save(id, 1, { headline: 'Ảnh sửa tít' })])).toMatchObject([
      { outcome: 'refused', rule: 'role' },
    ]);
    expect(
      await push(pool, photo, [save(id, 1, { body: [paragraph('Một.'), figure('Chú thích ảnh')] })]),
    ).toMatchObject([{ outcome: 'applied', version: 2 }]);
    // Beyond the captions, and through the workflow, a photo editor is refused.
    expect(
      await push(pool, photo, [
        save(id, 2, { body: [paragraph('Hai.'), figure('Chú thích ảnh')] }),
        status(id, 2, 'submitted'),
      ]),
    ).toMatchObject([
      { outcome: 'refused', rule: 'role' },
      { outcome: 'refused', rule: 'role' },
    ]);
    expect(await push(pool, reporter, [status(id, 2, 'approved')])).toMatchObject([
      { outcome: 'refused', rule: 'workflow' },
    ]);
    expect(await push(pool, reporter, [status(id, 2, 'submitted')])).toMatchObject([
      { outcome: 'applied', version: 3 },
    ]);
    expect(await push(pool, reporter, [save(id, 3, { headline: 'Sửa sau khi gửi' })])).toMatchObject([
      { outcome: 'refused', rule: 'submitted' },
    ]);
    expect(
      await push(pool, editor, [status(id, 3, 'edited'), save(id, 4, { headline: 'Biên tập sửa' })]),
    ).toMatchObject([
      { outcome: 'applied', version: 4 },
      { outcome: 'applied', version: 5 },
    ]);
  });
});
