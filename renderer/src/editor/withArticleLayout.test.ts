import { createEditor, Editor, Transforms } from 'slate';
import type { Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { fromDocument, toDocument } from './articleDocument';
import type { ArticleEditor } from './customTypes';
import { withArticleLayout } from './withArticleLayout';
import { setLink, setTextStyle, toggleList, toggleMark, withBlocks } from './withBlocks';

const headline = (text: string) => ({ type: 'headline' as const, children: [{ text }] });
const lead = (text: string) => ({ type: 'lead' as const, children: [{ text }] });
const para = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const item = (text: string) => ({ type: 'list-item' as const, children: [{ text }] });

function editorWith(children: Descendant[]): ArticleEditor {
  const base: ArticleEditor = createEditor();
  const editor = withBlocks(withArticleLayout(withHistory(base)));
  editor.children = children;
  Editor.normalize(editor, { force: true });
  return editor;
}

describe('layout normalizers (input → expected)', () => {
  it.each<[string, Descendant[], Descendant[]]>([
    ['fills an empty document', [], [headline(''), lead(''), para('')]],
    ['adds headline and lead before body text', [para('Chiều 24/12')], [headline(''), lead(''), para('Chiều 24/12')]],
    ['adds a lead and a paragraph after a lone headline', [headline('Tít')], [headline('Tít'), lead(''), para('')]],
    [
      'turns a second headline into a paragraph',
      [headline('A'), lead('B'), headline('C')],
      [headline('A'), lead('B'), para('C')],
    ],
    [
      'turns a stray lead into a paragraph',
      [headline('A'), lead('B'), para('C'), lead('D')],
      [headline('A'), lead('B'), para('C'), para('D')],
    ],
    [
      'strips marks from the headline',
      [{ type: 'headline', children: [{ text: 'Tít', bold: true }] }, lead(''), para('')],
      [headline('Tít'), lead(''), para('')],
    ],
    [
      'wraps a list item that has no list',
      [headline('A'), lead('B'), item('một')],
      [headline('A'), lead('B'), { type: 'bulleted-list', children: [item('một')] }],
    ],
    [
      'turns paragraphs inside a list into items',
      [headline('A'), lead('B'), { type: 'numbered-list', children: [para('một') as never] }],
      [headline('A'), lead('B'), { type: 'numbered-list', children: [item('một')] }],
    ],
    [
      'unwraps a link whose URL is not http, https or mailto',
      [
        headline('A'),
        lead('B'),
        {
          type: 'paragraph',
          children: [
            { text: 'x ' },
            { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'bấm' }] },
            { text: '' },
          ],
        },
      ],
      [headline('A'), lead('B'), para('x bấm')],
    ],
  ])('%s', (_name, input, expected) => {
    expect(editorWith(input).children).toEqual(expected);
  });

  it('keeps a valid document unchanged', () => {
    const document: Descendant[] = [
      headline('Hội nghị'),
      lead('Chiều 24/12'),
      { type: 'heading', level: 2, children: [{ text: 'Tít phụ' }] },
      {
        type: 'paragraph',
        children: [
          { text: 'Xem ' },
          { type: 'link', url: 'https://qdnd.vn/', children: [{ text: 'QĐND' }] },
          { text: ' và ', bold: true },
        ],
      },
      { type: 'blockquote', children: [{ text: 'Trích', italic: true }] },
      { type: 'bulleted-list', children: [item('một'), item('hai')] },
    ];
    expect(editorWith(structuredClone(document)).children).toEqual(document);
  });
});

describe('keys between headline, lead and body', () => {
  it('Enter in the headline moves to the lead without splitting the headline', () => {
    const editor = editorWith([headline('Hội nghị tổng kết'), lead('Chiều 24/12'), para('')]);
    Transforms.select(editor, { path: [0, 0], offset: 9 });
    editor.insertBreak();
    expect(editor.children).toEqual([headline('Hội nghị tổng kết'), lead('Chiều 24/12'), para('')]);
    expect(editor.selection?.anchor).toEqual({ path: [1, 0], offset: 0 });
  });

  it('Enter in the lead starts the body, making a paragraph when the first one has text', () => {
    const editor = editorWith([headline('Tít'), lead('Sapo'), para('Thân bài')]);
    Transforms.select(editor, Editor.end(editor, [1]));
    editor.insertBreak();
    expect(editor.children).toEqual([headline('Tít'), lead('Sapo'), para(''), para('Thân bài')]);
    expect(editor.selection?.anchor.path).toEqual([2, 0]);
  });

  it('Enter in the body splits the paragraph as usual', () => {
    const editor = editorWith([headline('Tít'), lead(''), para('một hai')]);
    Transforms.select(editor, { path: [2, 0], offset: 3 });
    editor.insertBreak();
    expect(editor.children).toEqual([headline('Tít'), lead(''), para('một'), para(' hai')]);
  });

  it('Backspace at the start of the body steps back to the lead instead of merging', () => {
    const editor = editorWith([headline('Tít'), lead('Sapo'), para('Thân')]);
    Transforms.select(editor, Editor.start(editor, [2]));
    editor.deleteBackward('character');
    expect(editor.children).toEqual([headline('Tít'), lead('Sapo'), para('Thân')]);
    expect(editor.selection?.anchor).toEqual({ path: [1, 0], offset: 4 });
  });

  it('Enter on an empty last list item ends the list', () => {
    const editor = editorWith([
      headline('Tít'),
      lead(''),
      { type: 'bulleted-list', children: [item('một'), item('')] },
    ]);
    Transforms.select(editor, Editor.start(editor, [2, 1]));
    editor.insertBreak();
    expect(editor.children).toEqual([
      headline('Tít'),
      lead(''),
      { type: 'bulleted-list', children: [item('một')] },
      para(''),
    ]);
  });

  it('deleting everything still leaves the layout', () => {
    const editor = editorWith([headline('Tít'), lead('Sapo'), para('một'), para('hai')]);
    Transforms.select(editor, { anchor: Editor.start(editor, []), focus: Editor.end(editor, []) });
    Transforms.delete(editor);
    expect(editor.children).toEqual([headline(''), lead(''), para('')]);
  });
});

describe('formatting commands', () => {
  it('make headings, quotes and lists in the body, and back to paragraphs', () => {
    const editor = editorWith([headline('Tít'), lead(''), para('một'), para('hai')]);
    Transforms.select(editor, { path: [2, 0], offset: 0 });
    setTextStyle(editor, 'heading-2');
    expect(editor.children[2]).toEqual({ type: 'heading', level: 2, children: [{ text: 'một' }] });
    setTextStyle(editor, 'blockquote');
    expect(editor.children[2]).toEqual({ type: 'blockquote', children: [{ text: 'một' }] });
    Transforms.select(editor, { anchor: Editor.start(editor, [2]), focus: Editor.end(editor, [3]) });
    toggleList(editor, 'numbered-list');
    expect(editor.children[2]).toEqual({ type: 'numbered-list', children: [item('một'), item('hai')] });
    toggleList(editor, 'numbered-list');
    expect(editor.children.slice(2)).toEqual([para('một'), para('hai')]);
  });

  it('never turns the headline or lead into something else', () => {
    const editor = editorWith([headline('Tít'), lead('Sapo'), para('')]);
    Transforms.select(editor, { path: [0, 0], offset: 1 });
    setTextStyle(editor, 'heading-2');
    toggleList(editor, 'bulleted-list');
    toggleMark(editor, 'bold');
    expect(editor.children).toEqual([headline('Tít'), lead('Sapo'), para('')]);
  });

  it('bolds a selection and links it only to a safe URL', () => {
    const editor = editorWith([headline('Tít'), lead(''), para('Báo Quân đội')]);
    Transforms.select(editor, { anchor: { path: [2, 0], offset: 4 }, focus: { path: [2, 0], offset: 12 } });
    toggleMark(editor, 'bold');
    expect(editor.children[2]).toEqual({
      type: 'paragraph',
      children: [{ text: 'Báo ' }, { text: 'Quân đội', bold: true }],
    });
    expect(setLink(editor, 'javascript:alert(1)')).toBe(false);
    expect(setLink(editor, 'data:text/html,<script>')).toBe(false);
    Transforms.select(editor, { anchor: { path: [2, 1], offset: 0 }, focus: { path: [2, 1], offset: 8 } });
    expect(setLink(editor, ' https://www.qdnd.vn ')).toBe(true);
    expect(editor.children[2]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'Báo ' },
        { type: 'link', url: 'https://www.qdnd.vn/', children: [{ text: 'Quân đội', bold: true }] },
        { text: '' },
      ],
    });
  });
});

describe('article document conversion', () => {
  it('round-trips headline, lead and body', () => {
    const content = {
      headline: 'Tin, ảnh',
      lead: [{ text: 'Sapo' }],
      body: [para('một'), { type: 'bulleted-list' as const, children: [item('hai')] }],
    };
    expect(fromDocument(toDocument(content))).toEqual(content);
  });
});

describe('paste (withPaste)', () => {
  const clipboard = (types: Record<string, string>) =>
    ({ types: Object.keys(types), getData: (type: string) => types[type] ?? '' }) as unknown as DataTransfer;

  it('maps pasted HTML into body blocks at the cursor', async () => {
    const { withPaste } = await import('./withPaste');
    const editor = withPaste(editorWith([headline('Tít'), lead(''), para('')]));
    Transforms.select(editor, Editor.start(editor, [2]));
    editor.insertData(
      clipboard({
        'text/html': '<p style="color:red" onclick="alert(1)"><b>Đậm</b> thường</p><ul><li>một</li></ul>',
        'text/plain': 'Đậm thường\nmột',
      }),
    );
    expect(editor.children.slice(2)).toEqual([
      { type: 'paragraph', children: [{ text: 'Đậm', bold: true }, { text: ' thường' }] },
      { type: 'bulleted-list', children: [item('một')] },
    ]);
  });

  it('keeps only the text when pasting into the headline, and splits plain text into paragraphs in the body', async () => {
    const { withPaste } = await import('./withPaste');
    const editor = withPaste(editorWith([headline(''), lead(''), para('')]));
    Transforms.select(editor, Editor.start(editor, [0]));
    editor.insertData(clipboard({ 'text/html': '<h1>Hội nghị</h1><p>tổng kết</p>' }));
    expect(editor.children[0]).toEqual(headline('Hội nghị tổng kết'));
    Transforms.select(editor, Editor.start(editor, [2]));
    editor.insertData(clipboard({ 'text/plain': 'Một\n\nHai'.normalize('NFD') }));
    expect(editor.children.slice(2)).toEqual([para('Một'), para('Hai')]);
  });
});

describe('editor notes on a passage', () => {
  it('mark the selected passage and are found again in the saved content', async () => {
    const { addNoteMark } = await import('./withBlocks');
    const { anchoredNoteIds } = await import('../../../shared/article/article');
    const editor = editorWith([headline('Tít'), lead('Sapo'), para('Trung tướng Nguyễn Mạnh Hùng')]);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    expect(addNoteMark(editor, 'n1')).toBe(false);
    Transforms.select(editor, { anchor: { path: [2, 0], offset: 12 }, focus: { path: [2, 0], offset: 28 } });
    expect(addNoteMark(editor, 'n1')).toBe(true);
    expect(editor.children[2]).toEqual({
      type: 'paragraph',
      children: [{ text: 'Trung tướng ' }, { text: 'Nguyễn Mạnh Hùng', note: 'n1' }],
    });
    expect([...anchoredNoteIds(fromDocument(editor.children))]).toEqual(['n1']);
  });
});
