import { describe, expect, it } from 'vitest';
import { diffTokens, diffWords, revealInvisible, visibleForm } from './diff';

const apply = (parts: { op: string; text: string }[], side: 'before' | 'after'): string =>
  parts
    .filter((part) => part.op === 'equal' || part.op === (side === 'before' ? 'delete' : 'insert'))
    .map((part) => part.text)
    .join('');

describe('diffWords', () => {
  it('shows a changed word as one deletion and one insertion', () => {
    expect(diffWords('Hội nghị tổng kết công tác', 'Hội nghị sơ kết công tác')).toEqual([
      { op: 'equal', text: 'Hội nghị ' },
      { op: 'delete', text: 'tổng' },
      { op: 'insert', text: 'sơ' },
      { op: 'equal', text: ' kết công tác' },
    ]);
  });

  it('rebuilds both texts exactly, whatever the edits', () => {
    const words = 'một hai ba bốn năm sáu bảy tám chín mười'.split(' ');
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round += 1) {
      const pick = (n: number) =>
        Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(random() < 0.1 ? '\n' : ' ');
      const before = pick(Math.floor(random() * 30));
      const after = pick(Math.floor(random() * 30));
      const parts = diffWords(before, after);
      expect(apply(parts, 'before')).toBe(before);
      expect(apply(parts, 'after')).toBe(after);
      for (let i = 1; i < parts.length; i += 1) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
    }
  });

  it('finds a short edit script: one word inserted in a long text is one insertion', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `từ${i}`).join(' ');
    const after = before.replace('từ2500 ', 'từ2500 mới ');
    const parts = diffWords(before, after);
    expect(parts.filter((part) => part.op !== 'equal')).toEqual([{ op: 'insert', text: 'mới ' }]);
  });

  it('marks a space changed into a non-breaking space', () => {
    const parts = diffWords('Trung tướng Nguyễn', 'Trung\u00a0tướng Nguyễn');
    expect(parts).toContainEqual({ op: 'delete', text: ' ' });
    expect(parts).toContainEqual({ op: 'insert', text: '\u00a0' });
  });

  it('handles empty sides', () => {
    expect(diffTokens([], ['a'])).toEqual([{ op: 'insert', text: 'a' }]);
    expect(diffTokens(['a'], [])).toEqual([{ op: 'delete', text: 'a' }]);
    expect(diffTokens([], [])).toEqual([]);
  });
});

describe('invisible characters', () => {
  it('reveals them with signs', () => {
    expect(revealInvisible('a\u00a0b\u200bc d')).toBe('a⍽b[ZWSP]c·d');
  });

  it('a text differing only in invisible characters has the same visible form', () => {
    expect(visibleForm('Hà\u00a0Nội\u200b ')).toBe(visibleForm('Hà Nội'));
    expect(visibleForm('Hà Nội')).not.toBe(visibleForm('Hà Nam'));
  });
});
