import { describe, expect, it } from 'vitest';
import { emptyContent, paragraph } from '../article/article';
import type { ArticleContent } from '../article/article';
import { defaultCreditTemplates } from '../article/credits';
import { compareContent } from './revisions';
import type { Comparable } from './revisions';

const template = defaultCreditTemplates.vi;
const version = (changes: Partial<ArticleContent> = {}, status: Comparable['status'] = 'draft'): Comparable => ({
  ...emptyContent('Hội nghị tổng kết'),
  lead: [{ text: 'Sáng 9-12, Đảng ủy tổ chức hội nghị.' }],
  body: [paragraph('Đoạn một.'), paragraph('Đoạn hai.')],
  contributors: [{ name: 'Nguyên Khôi', roles: ['text', 'photo'] }],
  ...changes,
  status,
});

describe('compareContent', () => {
  it('lists only the fields that changed, each with a word diff', () => {
    const changes = compareContent(
      version(),
      version({ headline: 'Hội nghị sơ kết', body: [paragraph('Đoạn một.'), paragraph('Đoạn ba.')] }),
      template,
    );
    expect(changes.map((change) => change.field)).toEqual(['headline', 'body']);
    expect(changes[0]?.parts).toEqual([
      { op: 'equal', text: 'Hội nghị ' },
      { op: 'delete', text: 'tổng' },
      { op: 'insert', text: 'sơ' },
      { op: 'equal', text: ' kết' },
    ]);
  });

  it('shows the credit line, the contributors and the status', () => {
    const changes = compareContent(
      version(),
      version(
        {
          contributors: [
            { name: 'Nguyên Khôi', roles: ['text'] },
            { name: 'Minh Tuấn', roles: ['photo'] },
          ],
        },
        'submitted',
      ),
      template,
    );
    const byField = Object.fromEntries(changes.map((change) => [change.field, change]));
    expect(byField.credit?.before).toBe('Tin, ảnh: NGUYÊN KHÔI');
    expect(byField.credit?.after).toBe('Tin: NGUYÊN KHÔI; Ảnh: MINH TUẤN');
    expect(byField.contributors?.after).toBe('Nguyên Khôi (text)\nMinh Tuấn (photo)');
    expect(byField.status).toMatchObject({ before: 'draft', after: 'submitted' });
  });

  it('flags a change nobody can see on screen', () => {
    const [change] = compareContent(
      version(),
      version({ lead: [{ text: 'Sáng 9-12, Đảng ủy tổ\u00a0chức hội nghị.' }] }),
      template,
    );
    expect(change).toMatchObject({ field: 'lead', invisibleOnly: true });
    const [visible] = compareContent(
      version(),
      version({ lead: [{ text: 'Chiều 9-12, Đảng ủy tổ chức hội nghị.' }] }),
      template,
    );
    expect(visible?.invisibleOnly).toBe(false);
  });

  it('shows formatting and link changes that leave the words as they were', () => {
    const before = version({
      body: [
        paragraph('Xem thêm'),
        { type: 'paragraph', children: [{ type: 'link', url: 'https://a.vn/', children: [{ text: 'tại đây' }] }] },
      ],
    });
    const after = version({
      body: [
        { type: 'heading', level: 2, children: [{ text: 'Xem thêm' }] },
        { type: 'paragraph', children: [{ type: 'link', url: 'https://b.vn/', children: [{ text: 'tại đây' }] }] },
      ],
    });
    const changes = compareContent(before, after, template);
    expect(changes.map((change) => change.field)).toEqual(['formatting']);
    const deleted = changes[0]?.parts
      .filter((part) => part.op === 'delete')
      .map((part) => part.text)
      .join('');
    const inserted = changes[0]?.parts
      .filter((part) => part.op === 'insert')
      .map((part) => part.text)
      .join('');
    expect(deleted).toContain('1. paragraph');
    expect(deleted).toContain('https://a.vn/');
    expect(inserted).toContain('1. heading 2');
    expect(inserted).toContain('https://b.vn/');
  });

  it('compares captions apart from the body text', () => {
    const photoId = 'a'.repeat(64);
    const figure = (caption: string) => ({
      type: 'figure' as const,
      photoId,
      caption,
      children: [{ text: '' as const }] as [{ text: '' }],
    });
    const changes = compareContent(
      version({ body: [paragraph('Đoạn.'), figure('Quang cảnh hội nghị.')] }),
      version({ body: [paragraph('Đoạn.'), figure('Quang cảnh Hội nghị.')] }),
      template,
    );
    expect(changes.map((change) => change.field)).toEqual(['captions']);
  });
});
