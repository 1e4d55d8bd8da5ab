import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bodySchema } from './article';
import type { ArticleBody } from './article';
import { htmlToBlocks, textToBlocks } from './fromHtml';

const wordClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;} --></style></head>
<body lang=VI style='tab-interval:36.0pt'><!--StartFragment-->
<h1 style='mso-style-link:"Heading 1 Char"'><span lang=VI>Tít phụ Word<o:p></o:p></span></h1>
<p class=MsoNormal style='margin-bottom:8.0pt;line-height:107%'><b><span style='font-size:14.0pt;mso-bidi-font-family:Arial'>Chiều 24/12</span></b><span style='font-size:14.0pt'>, Tổng cục đã tổ chức <i>Hội nghị</i>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Điểm một<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>Điểm hai<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Bước một<o:p></o:p></p>
<p class=MsoNormal><a href="https://www.qdnd.vn/">Báo QĐND</a> và <a href="javascript:alert(1)">xấu</a></p>
<!--EndFragment--></body></html>`;

const googleDocsClipboard = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-9f1c2e3d-7fff-1a2b-3c4d-5e6f7a8b9c0d"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Tít phụ Docs</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:700;font-style:normal;">Đậm</span><span style="font-size:11pt;font-weight:400;font-style:italic;"> nghiêng</span><span style="font-size:11pt;font-weight:400;font-style:normal;"> thường</span></p><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;" role="presentation"><span style="font-weight:400;">Mục một</span></p></li><li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:400;">Mục hai</span></p></li></ul><br /><p dir="ltr" style="line-height:1.38;"><a href="https://vi.wikipedia.org/wiki/Hà_Nội" style="text-decoration:none;"><span style="color:#1155cc;text-decoration:underline;">Hà Nội</span></a></p></b>`;

describe('htmlToBlocks', () => {
  it('maps Word clipboard HTML: headings, marks, mso-list paragraphs, safe links only', () => {
    expect(htmlToBlocks(wordClipboard)).toEqual([
      { type: 'heading', level: 2, children: [{ text: 'Tít phụ Word' }] },
      {
        type: 'paragraph',
        children: [
          { text: 'Chiều 24/12', bold: true },
          { text: ', Tổng cục đã tổ chức ' },
          { text: 'Hội nghị', italic: true },
          { text: '.' },
        ],
      },
      {
        type: 'bulleted-list',
        children: [
          { type: 'list-item', children: [{ text: 'Điểm một' }] },
          { type: 'list-item', children: [{ text: 'Điểm hai' }] },
        ],
      },
      { type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: 'Bước một' }] }] },
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'https://www.qdnd.vn/', children: [{ text: 'Báo QĐND' }] },
          { text: ' và xấu' },
        ],
      },
    ]);
  });

  it('maps Google Docs clipboard HTML, ignoring its font-weight:normal wrapper', () => {
    expect(htmlToBlocks(googleDocsClipboard)).toEqual([
      { type: 'heading', level: 2, children: [{ text: 'Tít phụ Docs' }] },
      {
        type: 'paragraph',
        children: [{ text: 'Đậm', bold: true }, { text: ' nghiêng', italic: true }, { text: ' thường' }],
      },
      {
        type: 'bulleted-list',
        children: [
          { type: 'list-item', children: [{ text: 'Mục một' }] },
          { type: 'list-item', children: [{ text: 'Mục hai' }] },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'https://vi.wikipedia.org/wiki/H%C3%A0_N%E1%BB%99i', children: [{ text: 'Hà Nội' }] },
        ],
      },
    ]);
  });

  it('keeps a web page article and drops its chrome, scripts and styles', () => {
    const page = `<nav><a href="/">Trang chủ</a></nav><article><h1>Tít</h1><blockquote><p>“Đoàn kết, sáng tạo”</p></blockquote><p>Theo <a href="mailto:toasoan@example.vn">tòa soạn</a>.<script>alert(1)</script></p><style>p{color:red}</style><img src=x onerror=alert(1)></article>`;
    expect(htmlToBlocks(page)).toEqual([
      { type: 'paragraph', children: [{ text: 'Trang chủ' }] },
      { type: 'heading', level: 2, children: [{ text: 'Tít' }] },
      { type: 'blockquote', children: [{ text: '“Đoàn kết, sáng tạo”' }] },
      {
        type: 'paragraph',
        children: [
          { text: 'Theo ' },
          { type: 'link', url: 'mailto:toasoan@example.vn', children: [{ text: 'tòa soạn' }] },
          { text: '.' },
        ],
      },
    ]);
  });

  it('gives NFC text whatever the source gave', () => {
    const blocks = htmlToBlocks(`<p>${'Việt Nam'.normalize('NFD')}</p>`);
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ text: 'Việt Nam'.normalize('NFC') }] }]);
  });
});

describe('textToBlocks', () => {
  it('makes a paragraph of every non-empty line, NFC', () => {
    expect(textToBlocks('Một\r\n\r\n  Hai  \n\tBa'.normalize('NFD'))).toEqual([
      { type: 'paragraph', children: [{ text: 'Một' }] },
      { type: 'paragraph', children: [{ text: 'Hai' }] },
      { type: 'paragraph', children: [{ text: 'Ba' }] },
    ]);
  });
});

interface XssCase {
  title: string;
  payload: string;
}

const corpusPath = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'xss', 'dompurify-expect.mjs');
const corpus = ((await import(pathToFileURL(corpusPath).href)) as { default: XssCase[] }).default;
const alertCases = corpus.filter((entry) => entry.payload.includes('alert'));

const links = (body: ArticleBody): string[] =>
  body
    .flatMap((block) => ('children' in block ? (block.children as unknown[]) : []))
    .flatMap((child) => {
      const node = child as { type?: string; url?: string; children?: unknown[] };
      if (node.type === 'link' && node.url) return [node.url];
      if (node.type === 'list-item') return links([{ type: 'paragraph', children: node.children as never }]);
      return [];
    });

describe('the DOMPurify XSS corpus through htmlToBlocks', () => {
  it('has its 141 alert payloads', () => {
    expect(alertCases).toHaveLength(141);
  });

  it.each(alertCases.map((entry, index) => [index, entry.title, entry.payload] as const))(
    '#%i %s: nothing executable survives',
    (_index, _title, payload) => {
      const blocks = htmlToBlocks(payload);
      // The strict schema admits only text, bold, italic, notes and links: no attribute, tag or handler.
      expect(bodySchema.safeParse(blocks).success).toBe(true);
      for (const url of links(blocks)) expect(['http:', 'https:', 'mailto:']).toContain(new URL(url).protocol);
    },
  );
});
