import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result';
import { bodyText, paragraph } from '../../shared/article/article';
import type { Article, SavedVersion } from '../../shared/article/article';
import type { ArticleListPage } from '../../shared/archive/list';
import { tempDir } from '../testing/tempDir';
import { openArchive } from './archive/openArchive';
import { createCore } from './createCore';
import { dispatch } from './dispatch';

function setup() {
  const db = openArchive(join(tempDir(), 'archive.sqlite3'));
  const handlers = createCore(db);
  const call = async <T>(method: string, input: unknown) => (await dispatch(handlers, method, input)) as Result<T>;
  return { db, call };
}

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

describe('the core through the contract', () => {
  it('creates, lists, saves and reads back an article', async () => {
    const { call } = setup();
    const created = value(await call<Article>('articles.create', { headline: 'Hội nghị tổng kết' }));
    expect(created).toMatchObject({ headline: 'Hội nghị tổng kết', status: 'draft', version: 1 });
    const saved = value(
      await call<SavedVersion>('articles.save', {
        id: created.id,
        baseVersion: 1,
        headline: 'Hội nghị tổng kết công tác Đảng năm 2019',
        body: [paragraph('CNQP&KT - Chiều 24/12, …'), paragraph('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN')],
      }),
    );
    expect(saved.version).toBe(2);
    const read = value(await call<Article>('articles.get', { id: created.id }));
    expect(read).toMatchObject({ version: 2, updatedAt: saved.updatedAt, status: 'draft', id: created.id });
    expect(read.headline).toBe('Hội nghị tổng kết công tác Đảng năm 2019');
    expect(bodyText(read.body).split('\n')).toEqual(['CNQP&KT - Chiều 24/12, …', 'Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN']);
    expect(value(await call<ArticleListPage>('articles.list', {})).articles.map((article) => article.id)).toEqual([
      created.id,
    ]);
  });

  it('stores NFC whatever the input produced', async () => {
    const { call } = setup();
    const nfd = 'Việt Nam Đảng'.normalize('NFD');
    const created = value(await call<Article>('articles.create', { headline: nfd }));
    value(await call('articles.save', { id: created.id, baseVersion: 1, headline: nfd, body: [paragraph(nfd)] }));
    const read = value(await call<Article>('articles.get', { id: created.id }));
    expect(read.headline).toBe('Việt Nam Đảng'.normalize('NFC'));
    expect(bodyText(read.body)).toBe('Việt Nam Đảng'.normalize('NFC'));
    expect(read.headline).not.toBe(nfd);
  });

  it('refuses a save based on an older version with a conflict, writing nothing', async () => {
    const { call, db } = setup();
    const { id } = value(await call<Article>('articles.create', { headline: 'A' }));
    value(await call('articles.save', { id, baseVersion: 1, headline: 'From window one', body: [paragraph('one')] }));
    const before = db.prepare('SELECT * FROM articles WHERE id = ?').get(id);
    const stale = await call('articles.save', {
      id,
      baseVersion: 1,
      headline: 'From window two',
      body: [paragraph('two')],
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(db.prepare('SELECT * FROM articles WHERE id = ?').get(id)).toEqual(before);
  });

  it('answers not_found for a missing article, on get and on save', async () => {
    const { call } = setup();
    expect(await call('articles.get', { id: 41 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('articles.save', { id: 41, baseVersion: 1, headline: '', body: [] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it.each([
    ['a missing id', 'articles.get', {}],
    ['a string id', 'articles.get', { id: '1' }],
    ['a negative id', 'articles.get', { id: -1 }],
    ['an unknown key', 'articles.list', { sql: 'DROP TABLE articles' }],
    ['no baseVersion', 'articles.save', { id: 1, headline: 'x', body: [] }],
    ['a headline too long', 'articles.create', { headline: 'x'.repeat(501) }],
    [
      'an unknown block type',
      'articles.save',
      { id: 1, baseVersion: 1, headline: 'x', body: [{ type: 'script', children: [{ text: 'x' }] }] },
    ],
    [
      'a leaf with extra marks',
      'articles.save',
      {
        id: 1,
        baseVersion: 1,
        headline: 'x',
        body: [{ type: 'paragraph', children: [{ text: 'x', onclick: 'alert(1)' }] }],
      },
    ],
    ['not an object', 'articles.create', 'headline'],
    ['null', 'articles.list', null],
  ])('refuses %s with a validation error and writes nothing', async (_name, method, input) => {
    const { call, db } = setup();
    value(await call('articles.create', { headline: 'kept' }));
    const before = db.prepare('SELECT * FROM articles').all();
    const result = await call(method, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(db.prepare('SELECT * FROM articles').all()).toEqual(before);
  });

  it('answers not_found for a method the contract does not have', async () => {
    const { call } = setup();
    expect(await call('articles.delete', { id: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('turns a full disk into disk_full and keeps what was saved before', async () => {
    const { call, db } = setup();
    const { id } = value(await call<Article>('articles.create', { headline: 'Trước khi đầy' }));
    value(await call('articles.save', { id, baseVersion: 1, headline: 'Trước khi đầy', body: [paragraph('đã lưu')] }));
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const huge = Array.from({ length: 400 }, () => paragraph('chữ '.repeat(400)));
    const result = await call('articles.save', { id, baseVersion: 2, headline: 'Sau khi đầy', body: huge });
    expect(result).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    const read = value(await call<Article>('articles.get', { id }));
    expect(read).toMatchObject({ headline: 'Trước khi đầy', version: 2 });
  });
});
