import { createEditor, Editor, Transforms } from 'slate';
import type { Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { fromDocument, toDocument } from './articleDocument';
import type { ArticleEditor } from './customTypes';
import { withArticleLayout } from './withArticleLayout';

const headline = (text: string) => ({ type: 'headline' as const, children: [{ text }] });
const para = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });

function editorWith(children: Descendant[]): ArticleEditor {
  const base: ArticleEditor = createEditor();
  const editor = withArticleLayout(withHistory(base));
  editor.children = children;
  Editor.normalize(editor, { force: true });
  return editor;
}

describe('withArticleLayout normalizers (input, operation, expected)', () => {
  it.each<[string, Descendant[], Descendant[]]>([
    ['adds a headline and a paragraph to an empty document', [], [headline(''), para('')]],
    ['adds a headline before body text', [para('Chiều 24/12')], [headline(''), para('Chiều 24/12')]],
    ['adds a paragraph after a lone headline', [headline('Tít')], [headline('Tít'), para('')]],
    ['turns a second headline into a paragraph', [headline('A'), headline('B')], [headline('A'), para('B')]],
    ['keeps a valid layout unchanged', [headline('A'), para('B'), para('C')], [headline('A'), para('B'), para('C')]],
  ])('%s', (_name, input, expected) => {
    expect(editorWith(input).children).toEqual(expected);
  });

  it('Enter in the headline starts the body instead of splitting the headline', () => {
    const editor = editorWith([headline('Hội nghị tổng kết'), para('Chiều 24/12')]);
    Transforms.select(editor, { path: [0, 0], offset: 9 });
    editor.insertBreak();
    expect(editor.children).toEqual([headline('Hội nghị tổng kết'), para(''), para('Chiều 24/12')]);
    expect(editor.selection?.anchor).toEqual({ path: [1, 0], offset: 0 });
  });

  it('Enter in the headline reuses an empty first paragraph', () => {
    const editor = editorWith([headline('Tít'), para('')]);
    Transforms.select(editor, Editor.end(editor, [0]));
    editor.insertBreak();
    expect(editor.children).toEqual([headline('Tít'), para('')]);
    expect(editor.selection?.anchor.path).toEqual([1, 0]);
  });

  it('Enter in the body splits the paragraph as usual', () => {
    const editor = editorWith([headline('Tít'), para('một hai')]);
    Transforms.select(editor, { path: [1, 0], offset: 3 });
    editor.insertBreak();
    expect(editor.children).toEqual([headline('Tít'), para('một'), para(' hai')]);
  });

  it('deleting everything still leaves the layout', () => {
    const editor = editorWith([headline('Tít'), para('một'), para('hai')]);
    Transforms.select(editor, { anchor: Editor.start(editor, []), focus: Editor.end(editor, []) });
    Transforms.delete(editor);
    expect(editor.children).toEqual([headline(''), para('')]);
  });
});

describe('article document conversion', () => {
  it('round-trips headline and paragraphs', () => {
    const content = { headline: 'Tin, ảnh', body: [para('một'), para('hai')] };
    expect(fromDocument(toDocument(content))).toEqual(content);
  });
});
