import { describe, expect, it } from 'vitest';
import { countText } from './counts';

describe('countText', () => {
  it('counts Vietnamese words (syllables), characters and reading time', () => {
    const counts = countText('Hội nghị tổng kết công tác Đảng, năm 2019 – và …', null);
    expect(counts.words).toBe(10);
    expect(counts.characters).toBe('Hội nghị tổng kết công tác Đảng, năm 2019 – và …'.length);
    expect(counts.readingMinutes).toBe(1);
    expect(counts.target).toBe('none');
  });

  it('counts NFD text like NFC', () => {
    expect(countText('Việt Nam'.normalize('NFD'), null)).toEqual(countText('Việt Nam', null));
  });

  it('compares with the target length', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'chữ').join(' ');
    expect(countText(words(80), 100).target).toBe('under');
    expect(countText(words(95), 100).target).toBe('on');
    expect(countText(words(111), 100).target).toBe('over');
    expect(countText(words(440), null).readingMinutes).toBe(2);
    expect(countText('', 100)).toEqual({ words: 0, characters: 0, readingMinutes: 0, target: 'under' });
  });
});
