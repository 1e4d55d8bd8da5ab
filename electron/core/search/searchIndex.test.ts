import { archiveAtVersion, testCore } from '../../testing/testCore';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/article/article';
import type { ArticleStatus } from '../../../shared/article/article';
import type { SearchPage } from '../../../shared/search/results';
import { openArchive } from '../archive/openArchive';
import { searchArticles } from './searchIndex';

async function archive(
  stories: {
    headline: string;
    lead?: string;
    body?: string[];
    section?: string;
    status?: ArticleStatus;
    contributors?: string[];
  }[],
) {
  const { db, file, call } = testCore();
  const ids: number[] = [];
  for (const story of stories) {
    const { id } = await call('articles.create', { headline: story.headline });
    let { version } = await call('articles.save', {
      id,
      baseVersion: 1,
      lead: [{ text: story.lead ?? '' }],
      body: (story.body ?? ['']).map(paragraph),
      section: story.section ?? '',
      contributors: (story.contributors ?? []).map((name) => ({ name, roles: ['text'] })),
    });
    if (story.status)
      version = (await call('articles.setStatus', { id, baseVersion: version, status: story.status })).version;
    ids.push(id);
  }
  const search = (query: string, extra: Record<string, unknown> = {}) => call('articles.search', { query, ...extra });
  return { db, call, search, ids, file };
}

const headlines = (page: SearchPage) => page.results.map((hit) => hit.headline);

describe('archive search (through the contract, on a real archive)', () => {
  it('matches without marks, folding đ, which SQLite alone does not', async () => {
    const { search } = await archive([
      { headline: 'Đường về làng' },
      { headline: 'Cây dương liễu' },
      { headline: 'Thời tiết' },
    ]);
    expect(headlines(await search('duong')).sort()).toEqual(['Cây dương liễu', 'Đường về làng']);
    expect(headlines(await search('DUONG'))).toHaveLength(2);
  });

  it('ranks exact matches first for a query with marks', async () => {
    const { search } = await archive([{ headline: 'Cây dương liễu' }, { headline: 'Đường về làng' }]);
    const page = await search('đường');
    expect(headlines(page)).toEqual(['Đường về làng', 'Cây dương liễu']);
    expect(page.results.map((hit) => hit.match)).toEqual(['exact', 'folded']);
  });

  it('treats an NFD query like an NFC one, and either tone style like the other', async () => {
    const { search } = await archive([{ headline: 'Đường về làng' }, { headline: 'Thuỷ điện Hoà Bình' }]);
    expect(await search('đường'.normalize('NFD'))).toEqual(await search('đường'));
    expect(headlines(await search('Hòa Bình'))).toEqual(['Thuỷ điện Hoà Bình']);
    expect((await search('thủy điện')).results[0]?.match).toBe('exact');
  });

  it('supports phrases and prefixes', async () => {
    const { search } = await archive([
      { headline: 'Quy hoạch thành phố', body: ['Thành phố mở rộng'] },
      { headline: 'Phố cổ', body: ['thành cổ và khu phố'] },
      { headline: 'Tổng cục CNQP' },
    ]);
    expect(headlines(await search('"thành phố"'))).toEqual(['Quy hoạch thành phố']);
    expect(headlines(await search('thanh pho')).sort()).toEqual(['Phố cổ', 'Quy hoạch thành phố']);
    expect(headlines(await search('cnq*'))).toEqual(['Tổng cục CNQP']);
    expect(headlines(await search('"thanh pho"'))).toEqual(['Quy hoạch thành phố']);
  });

  it('searches the lead, body and contributors, with a highlighted snippet', async () => {
    const { search } = await archive([
      {
        headline: 'Hội nghị',
        lead: 'Chiều 24/12, Tổng cục Công nghiệp quốc phòng tổ chức Hội nghị.',
        body: ['Trung tướng Nguyễn Mạnh Hùng chủ trì.'],
        contributors: ['Nguyên Khôi'],
      },
    ]);
    const [hit] = (await search('Mạnh Hùng')).results;
    expect(hit?.snippet.highlights.map(([start, end]) => hit.snippet.text.slice(start, end))).toEqual(['Mạnh', 'Hùng']);
    expect((await search('nguyen khoi')).total).toBe(1);
    expect((await search('quoc phong')).total).toBe(1);
  });

  it('filters by status, section, contributor and date, and pages 20 at a time', async () => {
    const many = Array.from({ length: 45 }, (_, index) => ({
      headline: `Tin thời sự số ${index}`,
      section: index % 2 === 0 ? 'Thời sự' : 'Quốc phòng',
      contributors: index === 3 ? ['Minh Tuấn'] : [],
    }));
    const { search } = await archive([...many, { headline: 'Tin đã gửi', status: 'submitted' }]);
    const first = await search('tin');
    expect(first).toMatchObject({ total: 46, page: 1, pageSize: 20 });
    expect(first.results).toHaveLength(20);
    expect((await search('tin', { page: 3 })).results).toHaveLength(6);
    expect((await search('tin', { status: 'submitted' })).total).toBe(1);
    expect((await search('tin', { section: 'Quốc phòng' })).total).toBe(22);
    expect(headlines(await search('tin', { contributor: 'minh tuấn' }))).toEqual(['Tin thời sự số 3']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search('tin', { from: today, to: today })).total).toBe(46);
    expect((await search('tin', { to: '2001-01-01' })).total).toBe(0);
  });

  it('past the rank limit, shows the newest first, exact matches before the others, paged', async () => {
    const stories = Array.from({ length: 30 }, (_, index) => ({
      headline: index % 3 === 0 ? `Đường số ${index}` : `Dương số ${index}`,
    }));
    const { db } = await archive(stories);
    const first = searchArticles(db, 'đường', {}, 1, 10);
    expect(first).toMatchObject({ total: 30, order: 'newest' });
    expect(first.results.slice(0, 10).map((hit) => hit.match)).toEqual(Array.from({ length: 10 }, () => 'exact'));
    expect(first.results.slice(10).every((hit) => hit.match === 'folded')).toBe(true);
    const exactHeadlines = first.results.filter((hit) => hit.match === 'exact').map((hit) => hit.headline);
    expect(exactHeadlines).toEqual([
      'Đường số 27',
      'Đường số 24',
      'Đường số 21',
      'Đường số 18',
      'Đường số 15',
      'Đường số 12',
      'Đường số 9',
      'Đường số 6',
      'Đường số 3',
      'Đường số 0',
    ]);
    const second = searchArticles(db, 'đường', {}, 2, 10);
    expect(second.results).toHaveLength(10);
    const all = [...first.results, ...second.results].map((hit) => hit.id);
    expect(new Set(all).size).toBe(30);
    expect(searchArticles(db, 'duong', { section: 'none' }, 1, 10).total).toBe(0);
  });

  it('a phrase whose words together pass the rank limit: newest first, the words-together count as an upper bound', async () => {
    const stories = Array.from({ length: 30 }, (_, index) => ({
      headline: `Bài ${index}`,
      body: [index % 2 === 0 ? 'thành phố Hà Nội' : 'phố của thành Hà Nội'],
    }));
    const { db } = await archive(stories);
    const page = searchArticles(db, '"thành phố"', {}, 1, 10);
    expect(page).toMatchObject({ total: 30, totalAtMost: true, order: 'newest' });
    // Only real phrase matches are shown, newest first.
    expect(page.results.map((hit) => hit.headline)).toEqual(
      Array.from({ length: 15 }, (_, index) => `Bài ${28 - 2 * index}`),
    );
    // Under the limit the phrase is counted exactly.
    const exact = searchArticles(db, '"thành phố"', {}, 1, 100);
    expect(exact).toMatchObject({ total: 15, order: 'relevance' });
    expect(exact.totalAtMost).toBeUndefined();
  });

  it('ranks first the articles with the marks that were typed; words typed without marks match either way', async () => {
    const { search } = await archive([{ headline: 'bàn đường' }, { headline: 'ban đường' }, { headline: 'ban duong' }]);
    const page = await search('ban đường');
    expect(page.total).toBe(3);
    const matches = (wanted: string) =>
      page.results
        .filter((hit) => hit.match === wanted)
        .map((hit) => hit.headline)
        .sort();
    expect(matches('exact')).toEqual(['ban đường', 'bàn đường']);
    expect(matches('folded')).toEqual(['ban duong']);
    expect(page.results.at(-1)?.headline).toBe('ban duong');
    const marked = await search('bàn');
    expect(marked.results.map((hit) => [hit.headline, hit.match])).toEqual([
      ['bàn đường', 'exact'],
      ...marked.results.slice(1).map((hit) => [hit.headline, 'folded']),
    ]);
    expect(marked.total).toBe(3);
  });

  it('stays in step with every save', async () => {
    const { search, call, ids } = await archive([{ headline: 'Bản nháp' }]);
    const id = ids[0] as number;
    expect((await search('bão')).total).toBe(0);
    const { version } = await call('articles.get', { id });
    await call('articles.save', { id, baseVersion: version, body: [paragraph('Cơn bão số 9 đổ bộ')] });
    expect(headlines(await search('bão'))).toEqual(['Bản nháp']);
    await call('articles.save', { id, baseVersion: version + 1, body: [paragraph('Trời nắng')] });
    expect((await search('bão')).total).toBe(0);
  });

  it('refuses nothing a reporter might type, and lets no query syntax through', async () => {
    const { search } = await archive([{ headline: 'Hội nghị NEAR OR AND' }]);
    for (const query of ['"', 'NEAR(', 'a OR b', '*', 'headline:x', '^hội', "'; DROP TABLE articles; --"]) {
      await expect(search(query)).resolves.toBeDefined();
    }
    expect((await search('NEAR OR')).total).toBe(1);
  });
});

describe('the exact index migration (schema 7)', () => {
  it('rebuilds the exact index with marked words only, and search answers as before', () => {
    const { db: old, file } = archiveAtVersion(6);
    old
      .prepare(
        `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at) VALUES ('Ban đường phố', ?, '{}', '', 'draft', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
      )
      .run(JSON.stringify([paragraph('Hà Nội năm 2019')]));
    // As schema 6 indexed it: every word in the exact index.
    old.exec(
      `INSERT INTO search_exact (rowid, headline, lead, body, extra) VALUES (1, 'ban đường phố', '', 'hà nội năm 2019', '')`,
    );
    old.exec(
      `INSERT INTO search_folded (rowid, headline, lead, body, extra) VALUES (1, 'ban duong pho', '', 'ha noi nam 2019', '')`,
    );
    expect(old.prepare(`SELECT count(*) AS n FROM search_exact WHERE search_exact MATCH '"ban"'`).get()).toEqual({
      n: 1,
    });
    old.close();
    const db = openArchive(file);
    const page = searchArticles(db, 'Hà Nội 2019');
    expect(page.results.map((hit) => [hit.headline, hit.match])).toEqual([['Ban đường phố', 'exact']]);
    expect(db.prepare(`SELECT count(*) AS n FROM search_exact WHERE search_exact MATCH '"ban"'`).get()).toEqual({
      n: 0,
    });
    expect(db.prepare(`SELECT count(*) AS n FROM search_exact WHERE search_exact MATCH '"đường"'`).get()).toEqual({
      n: 1,
    });
    db.close();
  });
});

describe('the body-first index migration (schema 9)', () => {
  it('rebuilds both indexes with the body as the first column; search finds and ranks as before', () => {
    const { db: old, file } = archiveAtVersion(8);
    const insert = old.prepare(
      `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at) VALUES (?, ?, '{}', '', 'draft', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
    );
    insert.run('Tin trong nước', JSON.stringify([paragraph('Đường phố Hà Nội sáng nay.')]));
    insert.run('Đường phố Hà Nội', JSON.stringify([paragraph('Tin sáng nay.')]));
    // As schema 8 indexed them: the headline first.
    old.exec(
      `INSERT INTO search_folded (rowid, headline, lead, body, extra) VALUES (1, 'tin trong nuoc', '', 'duong pho ha noi sang nay', ''), (2, 'duong pho ha noi', '', 'tin sang nay', '')`,
    );
    old.exec(
      `INSERT INTO search_exact (rowid, headline, lead, body, extra) VALUES (1, 'trong nước', '', 'đường phố hà nội sáng nay', ''), (2, 'đường phố hà nội', '', 'sáng nay', '')`,
    );
    expect(old.prepare(`SELECT name FROM pragma_table_info('search_folded') LIMIT 1`).get()).toEqual({
      name: 'headline',
    });
    old.close();

    const db = openArchive(file);
    for (const table of ['search_exact', 'search_folded']) {
      expect(db.prepare(`SELECT group_concat(name) AS names FROM pragma_table_info('${table}')`).get()).toEqual({
        names: 'body,headline,lead,extra',
      });
    }
    // The headline hit still ranks first; the old entries were dropped and the articles indexed again.
    expect(searchArticles(db, 'duong pho').results.map((hit) => hit.id)).toEqual([2, 1]);
    expect(searchArticles(db, '"đường phố"').results.map((hit) => [hit.id, hit.match])).toEqual([
      [2, 'exact'],
      [1, 'exact'],
    ]);
    expect(
      db.prepare(`SELECT count(*) AS n FROM search_folded WHERE search_folded MATCH 'headline : duong'`).get(),
    ).toEqual({ n: 1 });
    db.close();
  });
});
