import { describe, expect, it } from 'vitest';
import type { ArticleContent, ArticleStatus } from '../article/article';
import { emptyContent, paragraph } from '../article/article';
import { defaultCreditTemplates } from '../article/credits';
import { blocksExport, preflight } from './preflight';

const template = defaultCreditTemplates.vi;
const id = 'c'.repeat(64);
const figure = {
  type: 'figure' as const,
  photoId: id,
  caption: 'Quang cảnh Hội nghị.',
  children: [{ text: '' as const }] as [{ text: '' }],
};
const credited = { creator: 'Minh Tuấn', creditLine: '', altText: 'Hội trường' };

const ready = (changes: Partial<ArticleContent> = {}, status: ArticleStatus = 'approved') => ({
  ...emptyContent('Hội nghị tổng kết công tác Đảng năm 2019'),
  lead: [{ text: 'Chiều 24/12, Tổng cục đã tổ chức Hội nghị.' }],
  body: [paragraph('Các đại biểu dự Hội nghị đã nghe báo cáo.'), figure],
  contributors: [
    { name: 'Nguyên Khôi', roles: ['text' as const, 'photo' as const] },
    { name: 'Minh Tuấn', roles: ['text' as const, 'photo' as const] },
  ],
  ...changes,
  status,
});

const codes = (items: ReturnType<typeof preflight>, severity: 'error' | 'warning') =>
  items.filter((item) => item.severity === severity).map((item) => item.code);

describe('preflight', () => {
  it('passes a finished, approved story', () => {
    const items = preflight({ article: ready(), photos: new Map([[id, credited]]), template });
    expect(items).toEqual([]);
    expect(blocksExport(items)).toBe(false);
  });

  it('blocks on a missing headline or lead, a photo without credit or alt text, and says where', () => {
    const items = preflight({
      article: ready({ headline: '', lead: [{ text: '' }] }),
      photos: new Map([[id, { creator: '', creditLine: '', altText: '' }]]),
      template,
    });
    expect(codes(items, 'error')).toEqual(['missing-headline', 'missing-lead', 'photo-credit', 'photo-alt']);
    expect(items.find((item) => item.code === 'photo-credit')?.place).toEqual({ field: 'body', block: 1 });
    expect(blocksExport(items)).toBe(true);
  });

  it('blocks when the credit line does not name the photo creators', () => {
    const items = preflight({
      article: ready({ contributors: [{ name: 'Nguyên Khôi', roles: ['text'] }] }),
      photos: new Map([[id, credited]]),
      template,
    });
    expect(codes(items, 'error')).toEqual(['credit-line']);
    expect(items[0]?.message).toContain('MINH TUẤN');
  });

  it('blocks while editor notes are left in the text', () => {
    const article = ready({
      lead: [{ text: 'Chiều 24/12, ' }, { text: 'Tổng cục', note: 'n1' }, { text: ' đã tổ chức Hội nghị.' }],
      notes: [{ id: 'n1', text: 'Tên đầy đủ?', author: 'Biên tập', createdAt: '2026-11-24', resolved: false }],
    });
    expect(codes(preflight({ article, photos: new Map([[id, credited]]), template }), 'error')).toEqual([
      'editor-notes',
    ]);
  });

  it('warns, without blocking, on copy-desk findings, a status short of approved, a length off target and a very long headline', () => {
    const items = preflight({
      article: ready(
        {
          body: [paragraph('Sau khi nghe ý kiến của đại biểu dự Hội nghị,Trung tướng phát biểu.'), figure],
          targetWords: 800,
          headline: 'Hội nghị '.repeat(15).trim(),
        },
        'edited',
      ),
      photos: new Map([[id, credited]]),
      template,
    });
    expect(codes(items, 'error')).toEqual([]);
    expect(codes(items, 'warning').sort()).toEqual(['copy-desk', 'length', 'long-headline', 'status']);
    // A desk can make a copy-desk rule blocking.
    const strict = preflight({
      article: ready({ body: [paragraph('Hội nghị,Trung tướng phát biểu.'), figure] }),
      photos: new Map([[id, credited]]),
      template,
      blockingRules: ['space-after-punctuation'],
    });
    expect(codes(strict, 'error')).toEqual(['copy-desk']);
  });
});
