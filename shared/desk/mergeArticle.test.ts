import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleContent, Block } from '../article/article';
import { bodyText, emptyContent, paragraph } from '../article/article';
import { diff3 } from './diff3';
import { mergeArticle } from './mergeArticle';

const article = (body: string[], changes: Partial<ArticleContent> = {}): ArticleContent => ({
  ...emptyContent('Hội nghị tổng kết'),
  body: body.map(paragraph),
  ...changes,
});
const texts = (content: ArticleContent): string[] =>
  content.body.map((block: Block) => ('children' in block ? JSON.stringify(block.children) : ''));

describe('diff3', () => {
  it('takes each side’s change where the other did not touch, and marks both changing one part', () => {
    const id = (x: string) => x;
    expect(diff3(['a', 'b', 'c'], ['a', 'B', 'c'], ['a', 'b', 'C'], id)).toEqual([{ ok: ['a', 'B', 'C'] }]);
    expect(diff3(['a', 'b', 'c'], ['a', 'X', 'c'], ['a', 'Y', 'c'], id)).toEqual([
      { ok: ['a'] },
      { conflict: { base: ['b'], ours: ['X'], theirs: ['Y'] } },
      { ok: ['c'] },
    ]);
    expect(diff3(['a'], ['a', 'x'], ['y', 'a'], id)).toEqual([{ ok: ['y', 'a', 'x'] }]);
  });
});

describe('merging an article three ways', () => {
  const base = article(['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.']);

  it('merges two people editing different paragraphs, and different fields', () => {
    const desk = article(['Đoạn một, đã sửa.', 'Đoạn hai.', 'Đoạn ba.'], { section: 'Thời sự' });
    const laptop = article(['Đoạn một.', 'Đoạn hai.', 'Đoạn ba, thêm ý.', 'Đoạn bốn.'], { tags: ['Quốc phòng'] });
    const { content, conflicts } = mergeArticle(base, desk, laptop);
    expect(conflicts).toEqual([]);
    expect(content.body).toEqual(['Đoạn một, đã sửa.', 'Đoạn hai.', 'Đoạn ba, thêm ý.', 'Đoạn bốn.'].map(paragraph));
    expect(content.section).toBe('Thời sự');
    expect(content.tags).toEqual(['Quốc phòng']);
  });

  it('merges one paragraph changed by both, word by word, when different words changed', () => {
    const start = article(['Trung tướng Nguyễn Mạnh Hùng chủ trì hội nghị sáng nay.']);
    const desk = article(['Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị sáng nay.']);
    const laptop = article(['Trung tướng Nguyễn Mạnh Hùng chủ trì hội nghị chiều nay.']);
    const { content, conflicts } = mergeArticle(start, desk, laptop);
    expect(conflicts).toEqual([]);
    expect(content.body).toEqual([paragraph('Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị chiều nay.')]);
  });

  it('the same words changed differently: the desk’s text stays and the field is a conflict', () => {
    const desk = article(['Đoạn một.', 'Đoạn hai của bàn biên tập.', 'Đoạn ba.'], { headline: 'Tít của biên tập' });
    const laptop = article(['Đoạn một.', 'Đoạn hai của phóng viên.', 'Đoạn ba.'], { headline: 'Tít của phóng viên' });
    const { content, conflicts } = mergeArticle(base, desk, laptop);
    expect(conflicts.sort()).toEqual(['body', 'headline']);
    expect(content.headline).toBe('Tít của biên tập');
    expect(texts(content)).toEqual(texts(desk));
  });

  it('tags as a set, notes by id, contributors by name', () => {
    const note = (id: string, text: string) => ({
      id,
      text,
      author: 'A',
      createdAt: '2026-01-01T00:00:00Z',
      resolved: false,
    });
    const start = article([], {
      tags: ['a', 'b'],
      notes: [note('n1', 'x')],
      contributors: [{ name: 'Minh', roles: ['text'] }],
    });
    const desk = article([], {
      tags: ['a', 'b', 'c'],
      notes: [note('n1', 'x'), note('n2', 'của bàn')],
      contributors: [{ name: 'Minh', roles: ['text', 'photo'] }],
    });
    const laptop = article([], {
      tags: ['b', 'd'],
      notes: [{ ...note('n1', 'x'), resolved: true }],
      contributors: [
        { name: 'Minh', roles: ['text'] },
        { name: 'Khôi', roles: ['text'] },
      ],
    });
    const { content, conflicts } = mergeArticle(start, desk, laptop);
    expect(conflicts).toEqual([]);
    expect(content.tags).toEqual(['b', 'c', 'd']);
    expect(content.notes).toEqual([{ ...note('n1', 'x'), resolved: true }, note('n2', 'của bàn')]);
    expect(content.contributors).toEqual([
      { name: 'Minh', roles: ['text', 'photo'] },
      { name: 'Khôi', roles: ['text'] },
    ]);
  });

  it('property: two sides editing random blocks lose no word: it is merged in, or the field is a conflict', () => {
    const words = fc.constantFrom('một', 'hai', 'ba', 'Đà', 'Nẵng', 'đường', 'Trường', 'Sơn', 'mưa');
    const sentence = fc.array(words, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));
    const edits = fc.array(fc.tuple(fc.nat(7), fc.constantFrom('set', 'insert', 'delete'), sentence), { maxLength: 4 });
    const apply = (body: string[], list: [number, string, string][]) => {
      const next = [...body];
      for (const [at, kind, text] of list) {
        const index = at % (next.length + 1);
        if (kind === 'insert') next.splice(index, 0, text);
        else if (kind === 'delete' && next.length > 1) next.splice(Math.min(index, next.length - 1), 1);
        else if (index < next.length) next[index] = text;
      }
      return next;
    };
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), edits, edits, (start, mine, yours) => {
        const [b, o, t] = [start, apply(start, mine), apply(start, yours)];
        const { content, conflicts } = mergeArticle(article(b), article(o), article(t));
        if (conflicts.length > 0) return;
        // Without a conflict, every word either side added is in the merge (counted, so a
        // repeated word counts too); changing nothing merges to the other side exactly.
        const count = (body: readonly string[]) => {
          const counts = new Map<string, number>();
          for (const word of body.join(' ').split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
          return counts;
        };
        const merged = count(content.body.map((block) => bodyText([block])));
        const before = count(b);
        for (const side of [o, t])
          for (const [word, n] of count(side))
            expect(merged.get(word) ?? 0).toBeGreaterThanOrEqual(n - (before.get(word) ?? 0));
        if (o.join() === b.join()) expect(content.body).toEqual(t.map(paragraph));
      }),
      { numRuns: 500 },
    );
  });
});
