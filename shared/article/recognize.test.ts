import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyText, inlineText } from './article';
import { defaultCreditTemplates } from './credits';
import { htmlToBlocks, textToBlocks } from './fromHtml';
import { recognizeStory } from './recognize';

const sample = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-article-vi.txt'),
  'utf8',
);

describe('recognizeStory on the published sample', () => {
  const story = recognizeStory(textToBlocks(sample), defaultCreditTemplates.vi);

  it('finds the lead and its outlet prefix', () => {
    expect(story.outletPrefix).toBe('CNQP&KT');
    expect(inlineText(story.lead)).toMatch(
      /^Chiều 24\/12, Tổng cục Công nghiệp quốc phòng \(CNQP\) đã tổ chức Hội nghị tổng kết/,
    );
    expect(inlineText(story.lead)).toMatch(/chủ trì Hội nghị\.$/);
  });

  it('turns the credit line into contributors with roles and the kind', () => {
    expect(story.contributors).toEqual([
      { name: 'NGUYÊN KHÔI', roles: ['text', 'photo'] },
      { name: 'MINH TUẤN', roles: ['text', 'photo'] },
    ]);
    expect(story.kind).toBe('news');
  });

  it('keeps the body paragraphs as published and leaves out the comment form', () => {
    const lines = bodyText(story.body).split('\n');
    // Four paragraphs and the two photo captions, which read as paragraphs in plain text.
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^Các đại biểu dự Hội nghị đã nghe Thiếu tướng Lâm Trọng Đông/);
    expect(lines.at(-1)).toBe(
      'Tại Hội nghị, nhiều đảng bộ, tổ chức đảng và đảng viên hoàn thành xuất sắc nhiệm vụ năm 2019 đã được khen thưởng.',
    );
    for (const chrome of ['Bình luận', 'Họ và tên', 'Điện thoại', 'Email', 'Nội dung', 'Tin, ảnh']) {
      expect(bodyText(story.body)).not.toContain(chrome);
    }
    // The typos stay as published: the copy desk's checks find them, import does not hide them.
    expect(bodyText(story.body)).toContain('trình bàybáo cáo');
    expect(bodyText(story.body)).toContain('Hội nghị,Trung tướng');
  });
});

describe('recognizeStory on HTML', () => {
  it('takes a leading heading as the headline', () => {
    const story = recognizeStory(
      htmlToBlocks(
        '<h1>Hội nghị tổng kết</h1><p>TTXVN - Sáng nay, …</p><p>Thân bài.</p><p>Bài: LAN ANH; Ảnh: MINH TUẤN</p>',
      ),
      defaultCreditTemplates.vi,
    );
    expect(story).toMatchObject({
      headline: 'Hội nghị tổng kết',
      outletPrefix: 'TTXVN',
      lead: [{ text: 'Sáng nay, …' }],
      kind: 'article',
      contributors: [
        { name: 'LAN ANH', roles: ['text'] },
        { name: 'MINH TUẤN', roles: ['photo'] },
      ],
    });
    expect(bodyText(story.body)).toBe('Thân bài.');
  });

  it('leaves a lead without a prefix alone', () => {
    const story = recognizeStory(
      textToBlocks('Sáng nay - theo nguồn tin - trời mưa.\nThân.'),
      defaultCreditTemplates.vi,
    );
    expect(story.outletPrefix).toBeNull();
    expect(inlineText(story.lead)).toBe('Sáng nay - theo nguồn tin - trời mưa.');
  });
});
