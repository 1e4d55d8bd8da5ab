import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyContent, paragraph } from '../article/article';
import { defaultCreditTemplates } from '../article/credits';
import type { ExportPhoto } from './articleHtml';
import { articlePage } from './articlePage';

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;
const id = 'd'.repeat(64);
const photo: ExportPhoto = {
  id,
  width: 1600,
  height: 1200,
  creator: 'Minh Tuấn',
  creditLine: '',
  copyright: '© 2026 QĐND',
  usageTerms: 'https://qdnd.vn/dieu-khoan',
  altText: 'Trung tướng trao Bằng khen',
  renditions: [480, 960, 1600].flatMap((width) => [
    { src: `images/${id.slice(0, 8)}-${width}.jpg`, width, type: 'image/jpeg' as const },
    { src: `images/${id.slice(0, 8)}-${width}.webp`, width, type: 'image/webp' as const },
  ]),
};
const article = {
  ...emptyContent('Hội nghị tổng kết </script><script>alert(1)</script>'),
  section: 'Quốc phòng',
  tags: ['CTĐ', 'CTCT'],
  lead: [{ text: 'Chiều 24/12, Tổng cục đã tổ chức Hội nghị.' }],
  body: [
    paragraph('Đoạn một.'),
    {
      type: 'figure' as const,
      photoId: id,
      caption: 'Trung tướng Nguyễn Mạnh Hùng trao Bằng khen.',
      children: [{ text: '' as const }] as [{ text: '' }],
    },
  ],
  contributors: [
    { name: 'Nguyên Khôi', roles: ['text' as const] },
    { name: 'Minh Tuấn', roles: ['photo' as const] },
  ],
};
const options = {
  lang: 'vi',
  template: defaultCreditTemplates.vi,
  outletPrefix: 'CNQP&KT',
  outletSeparator: ' - ',
  photoCredit: true,
  siteUrl: 'https://qdnd.vn/tin/',
  slug: 'hoi-nghi-tong-ket',
  publishedAt: '2019-12-24T10:00:00.000Z',
  modifiedAt: '2019-12-24T11:00:00.000Z',
  publisher: 'Báo Quân đội nhân dân',
};

describe('the standalone page', () => {
  it('passes the W3C Nu validator (vnu.jar, errors only)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-vnu-'));
    try {
      const file = join(dir, 'index.html');
      // With the reader comment form, which must validate too.
      writeFileSync(
        file,
        articlePage(article, new Map([[id, photo]]), { ...options, commentAction: 'https://qdnd.vn/binh-luan' }),
      );
      // Exits non-zero and prints the messages when the page has errors.
      const output = execFileSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'text', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(output.trim()).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('carries JSON-LD NewsArticle with image credits, Open Graph and a canonical URL; no script but the JSON-LD', () => {
    const html = articlePage(article, new Map([[id, photo]]), options);
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[0]).toMatch(/^<script type="application\/ld\+json">/);
    const data = JSON.parse(scripts[0]?.[1] ?? '') as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Hội nghị tổng kết </script><script>alert(1)</script>',
      author: [{ '@type': 'Person', name: 'Nguyên Khôi' }],
      contributor: [{ '@type': 'Person', name: 'Minh Tuấn' }],
      creditText: 'Tin: NGUYÊN KHÔI; Ảnh: MINH TUẤN',
      mainEntityOfPage: 'https://qdnd.vn/tin/hoi-nghi-tong-ket/',
      image: [
        {
          '@type': 'ImageObject',
          contentUrl: 'https://qdnd.vn/tin/hoi-nghi-tong-ket/images/dddddddd-1600.jpg',
          creditText: 'Ảnh: MINH TUẤN',
          creator: { '@type': 'Person', name: 'Minh Tuấn' },
          copyrightNotice: '© 2026 QĐND',
          license: 'https://qdnd.vn/dieu-khoan',
          caption: 'Trung tướng Nguyễn Mạnh Hùng trao Bằng khen.',
        },
      ],
    });
    expect(html).toContain('<link rel="canonical" href="https://qdnd.vn/tin/hoi-nghi-tong-ket/">');
    expect(html).toContain(
      '<meta property="og:image" content="https://qdnd.vn/tin/hoi-nghi-tong-ket/images/dddddddd-1600.jpg">',
    );
    expect(html).toContain('<html lang="vi">');
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('writes the reader comment form only when asked, posting only to an http(s) address, its fields labelled as on the site', () => {
    expect(articlePage(article, new Map(), options)).not.toContain('<form');
    const html = articlePage(article, new Map(), { ...options, commentAction: 'https://qdnd.vn/binh-luan?a=1&b="2"' });
    expect(html).toContain('<form method="post" action="https://qdnd.vn/binh-luan?a=1&amp;b=%222%22">');
    const labels = [...html.matchAll(/<label for="comment-([a-z]+)">(.*?)<\/label>/g)].map((match) => [
      match[1],
      match[2]?.replace(/<[^>]+>/g, ''),
    ]);
    expect(labels).toEqual([
      ['name', 'Họ và tên *'],
      ['unit', 'Đơn vị'],
      ['phone', 'Điện thoại *'],
      ['email', 'Email *'],
      ['message', 'Nội dung'],
    ]);
    expect(html).toMatch(/<input id="comment-email" name="email" type="email" autocomplete="email" required>/);
    for (const action of ['javascript:alert(1)', 'mailto:toa-soan@qdnd.vn', 'data:text/html,x', '/relative']) {
      expect(articlePage(article, new Map(), { ...options, commentAction: action }), action).not.toContain('<form');
    }
  });
});
