import { describe, expect, it } from 'vitest';
import { emptyContent, paragraph } from '../../../shared/article/article';
import type { Photo } from '../../../shared/photos/photo';
import { defaultSettings } from '../../../shared/settings/settings';
import { previewPage } from './preview';

const id = 'e'.repeat(64);
const photo = {
  id,
  width: 4000,
  height: 3000,
  creator: 'Minh Tuấn',
  creditLine: '',
  copyright: '',
  usageTerms: '',
  altText: 'Quang cảnh',
  description: '',
} as Photo;

describe('the export preview', () => {
  it('is the exported page built from the text on screen, with the library preview standing in for each image, and no script at all', () => {
    const content = {
      ...emptyContent('Hội nghị <script>alert(1)</script>'),
      lead: [{ text: 'Chiều 24/12.' }],
      body: [
        paragraph('Đoạn một.'),
        {
          type: 'figure' as const,
          photoId: id,
          caption: 'Quang cảnh.',
          children: [{ text: '' as const }] as [{ text: '' }],
        },
      ],
    };
    const settings = {
      ...defaultSettings,
      outletPrefix: 'CNQP&KT',
      export: { ...defaultSettings.export, commentForm: { enabled: true, action: 'https://qdnd.vn/binh-luan' } },
    };
    const html = previewPage({
      id: 7,
      content,
      settings,
      photo: (wanted) => (wanted === id ? photo : undefined),
      photoUrl: (photoId, kind) => `/media/token/${photoId}-${kind}.webp`,
      at: '2026-11-24T05:00:00.000Z',
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h1>Hội nghị &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<span class="outlet">CNQP&amp;KT - </span>Chiều 24/12.');
    expect(html).toContain(
      `<img src="/media/token/${id}-preview.webp" srcset="/media/token/${id}-preview.webp 1600w" sizes="(max-width: 960px) 100vw, 960px" width="1600" height="1200" alt="Quang cảnh"`,
    );
    expect(html).toContain(
      '<figcaption><span class="caption">Quang cảnh.</span> <span class="credit">Ảnh: MINH TUẤN</span></figcaption>',
    );
    expect(html).toContain('<form method="post" action="https://qdnd.vn/binh-luan">');
    // The page's dates are the ones given, not the clock's, so the same text gives the same page
    // and the frame does not reload while nothing changes.
    expect(html).toContain('<meta property="article:published_time" content="2026-11-24T05:00:00.000Z">');
    expect(html).toContain('<meta property="article:modified_time" content="2026-11-24T05:00:00.000Z">');
  });
});
