import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { VietnameseConversion } from 'vietnamese-conversion';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { bodyText, inlineText } from '../../../shared/article/article';
import type { Article } from '../../../shared/article/article';
import { tempDir } from '../../testing/tempDir';
import { openArchive } from '../archive/openArchive';
import { createCore } from '../createCore';
import { dispatch } from '../dispatch';
import { maxImportBytes } from './importDocument';

const samplePath = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'sample-article-vi.txt');

function setup() {
  const db = openArchive(join(tempDir(), 'archive.sqlite3'));
  const handlers = createCore(db);
  const importFile = async (fileName: string, bytes: Uint8Array) =>
    (await dispatch(handlers, 'articles.import', {
      fileName,
      dataBase64: Buffer.from(bytes).toString('base64'),
    })) as Result<Article>;
  const count = () => (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  return { importFile, count };
}

const imported = (result: Result<Article>): Article => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('articles.import', () => {
  it('imports the published sample: lead, outlet prefix, paragraphs, contributors', async () => {
    const { importFile } = setup();
    const article = imported(await importFile('sample-article-vi.txt', readFileSync(samplePath)));
    expect(article.outletPrefix).toBe('CNQP&KT');
    expect(inlineText(article.lead).startsWith('Chiều 24/12, Tổng cục Công nghiệp quốc phòng')).toBe(true);
    expect(article.contributors).toEqual([
      { name: 'NGUYÊN KHÔI', roles: ['text', 'photo'] },
      { name: 'MINH TUẤN', roles: ['text', 'photo'] },
    ]);
    expect(article.kind).toBe('news');
    expect(article.body).toHaveLength(6);
    expect(bodyText(article.body)).not.toMatch(/Bình luận|Họ và tên|Nội dung:/);
    expect(article).toMatchObject({ status: 'draft', version: 1 });
  });

  it('imports a Word document made by the test, with its heading as the headline', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Hội nghị tổng kết công tác Đảng năm 2019', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [
                new TextRun('CNQP&KT - Chiều 24/12, Tổng cục đã tổ chức '),
                new TextRun({ text: 'Hội nghị', bold: true }),
                new TextRun('.'),
              ],
            }),
            new Paragraph({ text: 'Kết quả nổi bật', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ children: [new TextRun({ text: 'Đoàn kết, sáng tạo', italics: true })] }),
            new Paragraph('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN'),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(document);
    const { importFile } = setup();
    const article = imported(await importFile('bai-viet.docx', bytes));
    expect(article).toMatchObject({
      headline: 'Hội nghị tổng kết công tác Đảng năm 2019',
      outletPrefix: 'CNQP&KT',
      lead: [{ text: 'Chiều 24/12, Tổng cục đã tổ chức ' }, { text: 'Hội nghị', bold: true }, { text: '.' }],
      body: [
        { type: 'heading', level: 2, children: [{ text: 'Kết quả nổi bật' }] },
        { type: 'paragraph', children: [{ text: 'Đoàn kết, sáng tạo', italic: true }] },
      ],
      contributors: [{ name: 'NGUYÊN KHÔI' }, { name: 'MINH TUẤN' }],
    });
  });

  it('converts a Word document typed in a VNI font to Unicode, and says so', async () => {
    const vni = (text: string) =>
      new TextRun({ text: new VietnameseConversion(text, 'unicode').toCharset('vni'), font: 'VNI-Times' });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [vni('Hội nghị tổng kết công tác Đảng')], heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [vni('Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị.')] }),
          ],
        },
      ],
    });
    const { importFile } = setup();
    const article = imported(await importFile('bai-cu.docx', await Packer.toBuffer(document))) as Article & {
      convertedFrom: string | null;
    };
    expect(article.convertedFrom).toBe('vni');
    expect(article.headline).toBe('Hội nghị tổng kết công tác Đảng');
    expect(inlineText(article.lead)).toBe('Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị.');
  });

  it('converts an 8-bit TCVN3 text file to Unicode', async () => {
    const text = 'hội nghị tổng kết công tác đảng năm 2019\n\ntrung tướng nguyễn mạnh hùng chủ trì hội nghị.';
    const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'TCVN5712-1'], { input: text });
    const { importFile } = setup();
    const article = imported(await importFile('bai-cu.txt', bytes)) as Article & { convertedFrom: string | null };
    expect(article.convertedFrom).toBe('tcvn3');
    expect([article.headline, inlineText(article.lead), bodyText(article.body)].join('|')).toContain(
      'trung tướng nguyễn mạnh hùng chủ trì hội nghị.',
    );
    expect([article.headline, inlineText(article.lead), bodyText(article.body)].join('|')).toContain(
      'hội nghị tổng kết công tác đảng năm 2019',
    );
  });

  it('imports a Unicode file without converting anything', async () => {
    const { importFile } = setup();
    const article = imported(await importFile('sample-article-vi.txt', readFileSync(samplePath))) as Article & {
      convertedFrom: string | null;
    };
    expect(article.convertedFrom).toBeNull();
  });

  it('imports HTML', async () => {
    const { importFile } = setup();
    const html =
      '<!doctype html><html lang="vi"><body><h1>Tít</h1><p>TTXVN - Sáng nay…</p><p>Thân <a href="javascript:alert(1)">bài</a>.</p><script>alert(1)</script></body></html>';
    const article = imported(await importFile('trang.html', new TextEncoder().encode(html)));
    expect(article).toMatchObject({
      headline: 'Tít',
      outletPrefix: 'TTXVN',
      body: [{ type: 'paragraph', children: [{ text: 'Thân bài.' }] }],
    });
  });

  it.each<[string, string, Uint8Array]>([
    ['a text file named .docx', 'bai.docx', new TextEncoder().encode('Chiều 24/12, Tổng cục…')],
    ['a ZIP that is not a Word document', 'bai.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3])],
    ['a JPEG named .txt', 'bai.txt', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0])],
    [
      'binary data without a zero byte named .txt',
      'bai.txt',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xc8, 0x01]),
    ],
    ['plain text named .html', 'bai.html', new TextEncoder().encode('Không có thẻ HTML nào')],
    ['an empty file', 'bai.txt', new Uint8Array(0)],
    ['only blank lines', 'bai.txt', new TextEncoder().encode('\n \n\t\n')],
    ['a PDF', 'bai.pdf', new TextEncoder().encode('%PDF-1.7')],
  ])('refuses %s with a clear reason and creates nothing', async (_name, fileName, bytes) => {
    const { importFile, count } = setup();
    const result = await importFile(fileName, bytes);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!result.ok && result.error.message).toContain(fileName);
    expect(count()).toBe(0);
  });

  it('refuses a file over the size limit', async () => {
    const { importFile, count } = setup();
    const result = await importFile('lon.txt', new Uint8Array(maxImportBytes + 1).fill(0x61));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(count()).toBe(0);
  });
});
