import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildNode } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../article/article';
import { emptyContent, paragraph } from '../article/article';
import { defaultCreditTemplates } from '../article/credits';
import type { HtmlExportOptions, ExportPhoto } from './articleHtml';
import { articleFragment, exportUrl } from './articleHtml';

const sample = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-article-vi.txt'),
  'utf8',
);
const sampleParagraphs = sample
  .split(/\n\s*\n/)
  .map((text) => text.trim())
  .filter(Boolean);
const creditIndex = sampleParagraphs.findIndex((text) => text.startsWith('Tin, ảnh:'));
/** The sample's article text as published: lead, paragraphs, two captions, the credit line. */
const published = sampleParagraphs.slice(0, creditIndex + 1);

const options: HtmlExportOptions = {
  lang: 'vi',
  template: defaultCreditTemplates.vi,
  outletPrefix: 'CNQP&KT',
  outletSeparator: ' - ',
  photoCredit: false,
};

const photo = (id: string, creator: string): ExportPhoto => ({
  id,
  width: 1600,
  height: 1067,
  creator,
  creditLine: '',
  copyright: '',
  usageTerms: '',
  altText: 'Trao Bằng khen',
  renditions: [480, 960, 1600].flatMap((width) => [
    { src: `images/${id.slice(0, 8)}-${width}.jpg`, width, type: 'image/jpeg' as const },
    { src: `images/${id.slice(0, 8)}-${width}.webp`, width, type: 'image/webp' as const },
  ]),
});
const first = 'a'.repeat(64);
const second = 'b'.repeat(64);
const photos = new Map([
  [first, photo(first, 'Minh Tuấn')],
  [second, photo(second, 'Nguyên Khôi')],
]);
const figure = (photoId: string, caption: string) => ({
  type: 'figure' as const,
  photoId,
  caption,
  children: [{ text: '' as const }] as [{ text: '' }],
});

/** The sample built as an article: its lead, its paragraphs, its two photos with their captions. */
function sampleArticle(): ArticleContent {
  const [lead = '', p2 = '', caption1 = '', p4 = '', caption2 = '', p6 = '', p7 = ''] = published;
  return {
    ...emptyContent('Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2019'),
    lead: [{ text: lead.replace(/^CNQP&KT - /, '') }],
    body: [
      paragraph(p2),
      figure(first, caption1),
      paragraph(p4),
      figure(second, caption2),
      paragraph(p6),
      paragraph(p7),
    ],
    contributors: [
      { name: 'Nguyên Khôi', roles: ['text', 'photo'] },
      { name: 'Minh Tuấn', roles: ['text', 'photo'] },
    ],
    notes: [{ id: 'n1', text: 'Kiểm tra lại tên', author: 'Biên tập', createdAt: '2026-11-24', resolved: false }],
  };
}

const text = (nodes: ChildNode[]): string =>
  nodes.map((node) => (isText(node) ? node.data : isTag(node) ? text(node.children) : '')).join('');

/** The text of each block-level element of the article, in reading order. */
function blocksOf(html: string): string[] {
  const out: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (['p', 'h1', 'h2', 'h3', 'figcaption', 'li'].includes(node.name))
        out.push(text(node.children).replace(/\s+/g, ' ').trim());
      else visit(node.children);
    }
  };
  visit(parseDocument(html).children);
  return out;
}

describe('the exported article', () => {
  it('reads as the published sample: lead with its prefix, paragraphs, captions, credit line', () => {
    const html = articleFragment(sampleArticle(), photos, options);
    const blocks = blocksOf(html);
    expect(blocks[0]).toBe('Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2019');
    expect(blocks.slice(1)).toEqual(published.map((paragraphText) => paragraphText.replace(/\s+/g, ' ')));
    expect(blocks.at(-1)).toBe('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN');
    expect(html).toContain('<span class="outlet">CNQP&amp;KT - </span>');
    expect(html).not.toContain('Kiểm tra lại tên');
  });

  it('writes each photo as a figure with srcset, sizes, width, height, alt and lazy loading; the credit under the caption when asked', () => {
    const html = articleFragment(sampleArticle(), photos, { ...options, photoCredit: true });
    expect(html).toContain(
      '<source type="image/webp" srcset="images/aaaaaaaa-480.webp 480w, images/aaaaaaaa-960.webp 960w, images/aaaaaaaa-1600.webp 1600w"',
    );
    expect(html).toContain(
      '<img src="images/aaaaaaaa-1600.jpg" srcset="images/aaaaaaaa-480.jpg 480w, images/aaaaaaaa-960.jpg 960w, images/aaaaaaaa-1600.jpg 1600w" sizes="(max-width: 960px) 100vw, 960px" width="1600" height="1067" alt="Trao Bằng khen" loading="lazy" decoding="async">',
    );
    expect(html).toContain('<span class="credit">Ảnh: MINH TUẤN</span>');
  });

  it('escapes everything it writes, and keeps only http, https and mailto links', () => {
    const hostile: ArticleContent = {
      ...emptyContent('<script>alert(1)</script> & “tin”'),
      section: '"><img src=x onerror=alert(2)>',
      lead: [{ text: '<b onmouseover=alert(3)>sapo</b>' }],
      body: [
        {
          type: 'paragraph',
          children: [
            { text: 'Xem ' },
            { type: 'link', url: 'https://qdnd.vn/a?b=1&c="2"', children: [{ text: 'bài' }] },
            { text: ' và ' },
            { type: 'link', url: 'mailto:toasoan@qdnd.vn', children: [{ text: 'thư' }] },
          ],
        },
        figure(first, '</figcaption><script>alert(4)</script>'),
      ],
      contributors: [{ name: '<img src=x onerror=alert(5)>', roles: ['text'] }],
    };
    const withCreator = new Map([
      [first, { ...photo(first, '"><svg onload=alert(6)>'), altText: '" onerror="alert(7)' }],
    ]);
    const html = articleFragment(hostile, withCreator, { ...options, photoCredit: true, outletPrefix: '<i>QĐND</i>' });
    const document = parseDocument(html);
    const tags: string[] = [];
    const attributes: string[] = [];
    const walk = (nodes: ChildNode[]) => {
      for (const node of nodes) {
        if (!isTag(node)) continue;
        tags.push(node.name);
        attributes.push(...Object.keys(node.attribs));
        walk(node.children);
      }
    };
    walk(document.children);
    expect(tags.filter((tag) => ['script', 'svg', 'b', 'i'].includes(tag))).toEqual([]);
    expect(attributes.filter((name) => name.startsWith('on') || name === 'style')).toEqual([]);
    expect(tags.filter((tag) => tag === 'img')).toHaveLength(1);
    expect(html).toContain('<a href="https://qdnd.vn/a?b=1&amp;c=%222%22">bài</a>');
    expect(html).toContain('<a href="mailto:toasoan@qdnd.vn">thư</a>');
    expect(blocksOf(html)[0]).toBe('"><img src=x onerror=alert(2)>');
  });

  it('re-parses every URL: only http, https and mailto survive', () => {
    expect(exportUrl('https://qdnd.vn/')).toBe('https://qdnd.vn/');
    expect(exportUrl('javascript:alert(1)')).toBeUndefined();
    expect(exportUrl(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(exportUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(exportUrl('//evil.example/')).toBeUndefined();
  });
});
