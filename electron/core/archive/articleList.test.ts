import { describe, expect, it } from 'vitest';
import type { ArticleListPage, ListCursor, ListQuery } from '../../../shared/archive/list';
import type { ArticleSummary } from '../../../shared/article/article';
import type { TestCore } from '../../testing/testCore';
import { testCore } from '../../testing/testCore';

/** Every page of a view, read as the editor's list reads them. */
async function allPages(core: TestCore, query: ListQuery): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let after: ListCursor | undefined;
  let pages = 0;
  do {
    const page: ArticleListPage = await core.call('articles.list', { ...query, after });
    ids.push(...page.articles.map((article) => article.id));
    after = page.next ?? undefined;
    pages += 1;
  } while (after);
  return { ids, pages };
}

const newestFirst = (articles: ArticleSummary[]): number[] =>
  [...articles].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id).map((article) => article.id);

describe('the archive list, a page at a time', () => {
  it('reads every article once, newest change first, across pages and ties of the same instant', async () => {
    const core = testCore();
    const made: ArticleSummary[] = [];
    for (let n = 0; n < 130; n += 1) made.push(await core.call('articles.create', { headline: `Bài ${n}` }));
    // Many share a millisecond: the id breaks the tie, so no page repeats or skips one.
    const { ids, pages } = await allPages(core, { limit: 50 });
    expect(pages).toBe(3);
    expect(ids).toEqual(newestFirst(made));
    expect(new Set(ids).size).toBe(130);

    const saved = made[7];
    if (!saved) throw new Error('no article');
    await core.call('articles.save', { id: saved.id, baseVersion: 1, section: 'Thể thao' });
    const first = await core.call('articles.list', { limit: 5 });
    expect(first.articles[0]).toMatchObject({ id: saved.id, section: 'Thể thao', version: 2 });
    expect(first.sections).toEqual(['Thể thao']);
    expect(first.next).not.toBeNull();
    // Later pages do not repeat the sections.
    expect((await core.call('articles.list', { limit: 5, after: first.next ?? undefined })).sections).toBeUndefined();
  });

  it('narrows by status and section, and by whose: started by me, assigned to me, on the desk', async () => {
    const core = testCore();
    const other = await core.call('articles.create', { headline: 'Của người khác' });
    await core.call('settings.update', { userName: 'Minh Tuấn' });
    await core.call('articles.create', { headline: 'Tôi viết' });
    await core.call('settings.update', { userName: 'Thu Hà' });
    const assigned = await core.call('articles.create', { headline: 'Giao cho Minh Tuấn' });
    await core.call('articles.save', {
      id: assigned.id,
      baseVersion: 1,
      section: 'Thời sự',
      contributors: [{ name: 'minh tuấn', roles: ['text'] }],
    });
    await core.call('settings.update', { userName: 'Minh Tuấn' });
    await core.call('articles.setStatus', { id: other.id, baseVersion: 1, status: 'submitted' });

    const headlines = async (query: ListQuery) =>
      (await core.call('articles.list', query)).articles.map((article) => article.headline);
    expect(await headlines({})).toHaveLength(3);
    expect(await headlines({ scope: 'mine' })).toEqual(['Tôi viết']);
    // Named among the contributors, whatever the letter case.
    expect(await headlines({ scope: 'assigned' })).toEqual(['Giao cho Minh Tuấn']);
    expect(await headlines({ scope: 'desk' })).toEqual([]);
    expect(await headlines({ status: 'submitted' })).toEqual(['Của người khác']);
    expect(await headlines({ section: 'Thời sự' })).toEqual(['Giao cho Minh Tuấn']);
    expect(await headlines({ section: 'Thời sự', scope: 'mine' })).toEqual([]);
    // The search narrows the same way.
    const found = await core.call('articles.search', { query: 'viết', scope: 'mine' });
    expect(found.results.map((hit) => hit.headline)).toEqual(['Tôi viết']);
    expect((await core.call('articles.search', { query: 'viết', scope: 'assigned' })).results).toEqual([]);
  });

  it('refuses a cursor or a limit out of bounds', async () => {
    const core = testCore();
    expect(await core.result('articles.list', { limit: 0 })).toMatchObject({ ok: false });
    expect(await core.result('articles.list', { limit: 100_000 })).toMatchObject({ ok: false });
    expect(await core.result('articles.list', { after: { updatedAt: '', id: 1 } })).toMatchObject({ ok: false });
    expect(await core.result('articles.list', { scope: 'everyone' })).toMatchObject({ ok: false });
  });
});
