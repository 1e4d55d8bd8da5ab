import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../shared/article/article';
import { tempDir } from '../testing/tempDir';
import { archiveAtVersion, testCore } from '../testing/testCore';
import { latestVersion } from './archive/migrate';

const setup = (dataDir?: string) => testCore({ dataDir });

describe('the full article', () => {
  it('saves any subset of fields and keeps the others', async () => {
    const { call } = setup();
    const { id } = await call('articles.create', { headline: 'Hội nghị' });
    await call('articles.save', {
      id,
      baseVersion: 1,
      lead: [{ text: 'Chiều 24/12, Tổng cục đã tổ chức Hội nghị.' }],
      body: [
        paragraph('Thân bài'),
        { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'một' }] }] },
      ],
      kind: 'news',
      contributors: [
        { name: 'Nguyên Khôi', roles: ['text', 'photo'] },
        { name: 'Minh Tuấn', roles: ['text', 'photo'] },
      ],
      section: 'Quốc phòng',
      tags: ['CNQP', 'Đảng'],
      slug: 'hoi-nghi',
      targetWords: 400,
      outletPrefix: 'CNQP&KT',
      notes: [
        { id: 'n1', text: 'Kiểm tra chức danh', author: 'Lan', createdAt: '2026-11-23T00:00:00Z', resolved: false },
      ],
    });
    await call('articles.save', { id, baseVersion: 2, headline: 'Hội nghị tổng kết' });
    const article = await call('articles.get', { id });
    expect(article).toMatchObject({
      id,
      version: 3,
      headline: 'Hội nghị tổng kết',
      lead: [{ text: 'Chiều 24/12, Tổng cục đã tổ chức Hội nghị.' }],
      section: 'Quốc phòng',
      tags: ['CNQP', 'Đảng'],
      slug: 'hoi-nghi',
      targetWords: 400,
      outletPrefix: 'CNQP&KT',
      contributors: [{ name: 'Nguyên Khôi' }, { name: 'Minh Tuấn' }],
    });
    expect(article.body).toHaveLength(2);
    expect(article.notes[0]?.text).toBe('Kiểm tra chức danh');
    expect((await call('articles.list', {})).articles[0]).toMatchObject({ section: 'Quốc phòng', version: 3 });
  });

  it('refuses unsafe links and malformed fields, writing nothing', async () => {
    const { result, call } = setup();
    const { id } = await call('articles.create', {});
    const refused = [
      {
        body: [
          { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ text: 'x' }] }] },
        ],
      },
      { body: [{ type: 'paragraph', children: [{ type: 'link', url: '/relative', children: [{ text: 'x' }] }] }] },
      { slug: 'Not A Slug' },
      { contributors: [{ name: '', roles: ['text'] }] },
      { contributors: [{ name: 'A', roles: ['writer'] }] },
      { kind: 'rumour' },
      { body: [{ type: 'figure', photoId: '../../etc/passwd', caption: '', children: [{ text: '' }] }] },
    ];
    for (const changes of refused) {
      expect(await result('articles.save', { id, baseVersion: 1, ...changes }), JSON.stringify(changes)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
    expect((await call('articles.get', { id })).version).toBe(1);
  });

  it('stores links re-serialized by the URL parser', async () => {
    const { call } = setup();
    const { id } = await call('articles.create', {});
    await call('articles.save', {
      id,
      baseVersion: 1,
      body: [{ type: 'paragraph', children: [{ type: 'link', url: 'HTTPS://QDND.vn', children: [{ text: 'QĐND' }] }] }],
    });
    expect((await call('articles.get', { id })).body[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'link', url: 'https://qdnd.vn/', children: [{ text: 'QĐND' }] }],
    });
  });
});

describe('the status workflow', () => {
  it('moves forward and back as a desk needs, recording who and when', async () => {
    const { call } = setup();
    await call('settings.update', { userName: 'Thu Hà' });
    const { id } = await call('articles.create', { headline: 'Tin' });
    let version = 1;
    for (const status of ['submitted', 'edited', 'approved', 'edited', 'approved', 'exported'] as const) {
      version = (await call('articles.setStatus', { id, baseVersion: version, status })).version;
    }
    const article = await call('articles.get', { id });
    expect(article.status).toBe('exported');
    expect(article.version).toBe(7);
    expect(article.statusHistory.map((change) => `${change.from}→${change.to}`)).toEqual([
      'draft→submitted',
      'submitted→edited',
      'edited→approved',
      'approved→edited',
      'edited→approved',
      'approved→exported',
    ]);
    expect(
      article.statusHistory.every((change) => change.by === 'Thu Hà' && !Number.isNaN(Date.parse(change.at))),
    ).toBe(true);
  });

  it('refuses a transition the desk does not allow, explaining it and writing nothing', async () => {
    const { call, result } = setup();
    const { id } = await call('articles.create', {});
    const refused = await result('articles.setStatus', { id, baseVersion: 1, status: 'approved' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(!refused.ok && refused.error.message).toContain('submitted, spiked');
    expect(await call('articles.get', { id })).toMatchObject({
      status: 'draft',
      version: 1,
      statusHistory: [],
    });
  });

  it('spikes from any state and revives a spiked story as a draft', async () => {
    const { call } = setup();
    const { id } = await call('articles.create', {});
    await call('articles.setStatus', { id, baseVersion: 1, status: 'spiked' });
    await call('articles.setStatus', { id, baseVersion: 2, status: 'draft' });
    expect((await call('articles.get', { id })).status).toBe('draft');
  });

  it('refuses a status change based on an older version', async () => {
    const { call, result } = setup();
    const { id } = await call('articles.create', {});
    await call('articles.save', { id, baseVersion: 1, headline: 'x' });
    expect(await result('articles.setStatus', { id, baseVersion: 1, status: 'submitted' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe('settings', () => {
  it('start from the defaults and keep what is changed', async () => {
    const dataDir = tempDir();
    const first = setup(dataDir);
    expect(await first.call('settings.get', {})).toMatchObject({
      outletPrefix: '',
      outletSeparator: ' - ',
      creditTemplate: { photoLabel: 'Ảnh' },
    });
    await first.call('settings.update', { outletPrefix: 'CNQP&KT', userName: 'Lan' });
    first.db.close();
    expect(await setup(dataDir).call('settings.get', {})).toMatchObject({
      outletPrefix: 'CNQP&KT',
      userName: 'Lan',
    });
  });

  it('refuse unknown keys and malformed templates', async () => {
    const { result } = setup();
    expect(await result('settings.update', { theme: 'dark' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await result('settings.update', { creditTemplate: { photoLabel: 'Ảnh' } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});

describe('migrations 2 and 3', () => {
  it('brings articles written at schema 1 forward with the new fields at their defaults', async () => {
    const { db: v1, dataDir, file } = archiveAtVersion(1);
    v1.prepare(
      `INSERT INTO articles (headline, body, status, version, created_at, updated_at) VALUES ('Cũ', '[{"type":"paragraph","children":[{"text":"thân"}]}]', 'draft', 4, 'a', 'b')`,
    ).run();
    v1.close();
    const { call, db } = setup(dataDir);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    // Migration 3 queues old articles for the search indexes; the first search indexes them.
    expect(await call('articles.search', { query: 'than' })).toMatchObject({
      total: 1,
      results: [{ headline: 'Cũ' }],
    });
    expect(await call('articles.get', { id: 1 })).toMatchObject({
      headline: 'Cũ',
      version: 4,
      lead: [{ text: '' }],
      kind: 'news',
      contributors: [],
      section: '',
      statusHistory: [],
    });
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(
      raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('status_changes', 'settings')").get(),
    ).toEqual({ n: 2 });
    raw.close();
  });
});
