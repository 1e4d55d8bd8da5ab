import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCreditTemplates } from '../article/credits';
import { textToBlocks } from '../article/fromHtml';
import { recognizeStory } from '../article/recognize';
import { applyFix, applyFixes, articleSegments, checkSegments } from './checks';
import type { Segment } from './checks';

const sample = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-article-vi.txt'),
  'utf8',
);
const one = (text: string): Segment[] => [{ place: { field: 'body', block: 0 }, text }];
const rules = (text: string) => checkSegments(one(text)).map((finding) => `${finding.rule}:${finding.excerpt}`);

describe('copy-desk checks on the published sample', () => {
  it('find exactly its two real problems, and nothing else in the article text', () => {
    const story = recognizeStory(textToBlocks(sample), defaultCreditTemplates.vi);
    const findings = checkSegments(articleSegments(story));
    expect(findings.map((finding) => ({ rule: finding.rule, excerpt: finding.excerpt, fix: finding.fix }))).toEqual([
      { rule: 'merged-word', excerpt: 'bàybáo', fix: 'bày báo' },
      { rule: 'space-after-punctuation', excerpt: expect.stringContaining('nghị,Trung') as string, fix: ', ' },
    ]);
  });
});

describe('each rule', () => {
  it.each([
    ['Hội nghị,Trung tướng', 'space-after-punctuation'],
    ['đã kết thúc.Trung tướng phát biểu', 'space-after-punctuation'],
    ['Hội nghị , Trung tướng', 'space-before-punctuation'],
    ['Hội  nghị', 'double-space'],
    ['Hội nghị và và Trung tướng', 'repeated-word'],
    ['tôi và và anh', 'repeated-word'],
    ['trình bàybáo cáo', 'merged-word'],
    ['chủ đề "Đoàn kết"', 'straight-quotes'],
    ['chủ đề “Đoàn kết', 'unbalanced'],
    ['Chỉ thị CTĐ năm 2020', 'undefined-abbreviation'],
    ['Thủy điện Hòa Bình và hoà bình, hòa hợp', 'mixed-tone-style'],
  ])('%s → %s', (text, rule) => {
    expect(rules(text).map((finding) => finding.split(':')[0])).toContain(rule);
  });

  it.each([
    'Tp.HCM, ngày 24/12/2019, lúc 8:30, tỷ lệ 1,5%',
    'Xem https://qdnd.vn/tin-tuc hoặc email toasoan@qdnd.vn.',
    'Đảng bộ Tổng cục lần thứ X, nhiệm kỳ 2020-2025…',
    'dần dần, từ từ, người người, nhà nhà',
    'Facebook, Zalo và iPhone',
    'Công nghiệp quốc phòng (CNQP) và Tổng cục CNQP',
    '“Trong sạch, vững mạnh” (năm 2019)',
    'UBND TP.HCM',
  ])('leaves correct text alone: %s', (text) => {
    expect(rules(text)).toEqual([]);
  });

  it('applies quick fixes', () => {
    const text = 'Hội nghị,Trung tướng và và bàybáo  "Đoàn kết"';
    expect(applyFixes(text, checkSegments(one(text)))).toBe('Hội nghị, Trung tướng và bày báo “Đoàn kết”');
    expect(
      applyFix(
        'Hội  nghị',
        checkSegments(one('Hội  nghị'))[0] ?? {
          rule: 'double-space',
          place: { field: 'lead' },
          start: 0,
          end: 0,
          excerpt: '',
        },
      ),
    ).toBe('Hội nghị');
  });

  it('skips disabled rules and known words', () => {
    expect(checkSegments(one('Hội nghị,Trung tướng'), { disabled: ['space-after-punctuation'] })).toEqual([]);
    expect(checkSegments(one('món phở Hàngđẫy'), { knownWords: ['hàngđẫy'] })).toEqual([]);
    expect(checkSegments(one('Dự án ABC'), { knownAbbreviations: ['ABC'] })).toEqual([]);
  });

  it('finds nothing in a long, clean article (over 10,000 words, abbreviations defined first)', () => {
    const paragraph =
      'Trong báo cáo tổng kết CTĐ, CTCT năm 2019 và phương hướng nhiệm vụ năm 2020 của Tổng cục có nêu rõ kết quả đạt được. ';
    const segments: Segment[] = [
      { place: { field: 'lead' }, text: 'Công tác Đảng, công tác chính trị (CTĐ, CTCT).' },
      ...Array.from({ length: 400 }, (_, index) => ({
        place: { field: 'body' as const, block: index },
        text: paragraph.repeat(1),
      })),
    ];
    expect(segments.reduce((words, segment) => words + segment.text.split(/\s+/).length, 0)).toBeGreaterThan(10_000);
    expect(checkSegments(segments)).toEqual([]);
  });
});
