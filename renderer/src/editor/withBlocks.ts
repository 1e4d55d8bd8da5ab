import { Editor, Element, Node, Path, Range, Transforms } from 'slate';
import type { Block } from '../../../shared/article/article';
import { safeUrl } from '../../../shared/text/safeUrl';
import type { ArticleEditor } from './customTypes';
import { cursorBlock } from './withArticleLayout';

type ListType = 'bulleted-list' | 'numbered-list';
export type TextBlockStyle = 'paragraph' | 'heading-2' | 'heading-3' | 'blockquote';

const isList = (node: unknown): node is Extract<Block, { type: ListType }> =>
  Element.isElement(node) && (node.type === 'bulleted-list' || node.type === 'numbered-list');

/**
 * Lists, links, figures. A list holds only list items and a list item lives only in a list;
 * a link with a URL that is not http, https or mailto is unwrapped; a figure is a void block.
 */
export function withBlocks<T extends ArticleEditor>(editor: T): T {
  const { normalizeNode, isInline, isVoid, insertBreak } = editor;

  editor.isInline = (element) => element.type === 'link' || isInline(element);
  editor.isVoid = (element) => element.type === 'figure' || isVoid(element);

  editor.normalizeNode = (entry) => {
    const [node, path] = entry;
    if (isList(node)) {
      const stray = node.children.findIndex((child) => !(Element.isElement(child) && child.type === 'list-item'));
      if (stray >= 0) {
        Transforms.setNodes(editor, { type: 'list-item' }, { at: [...path, stray] });
        return;
      }
    }
    if (Element.isElement(node) && node.type === 'list-item') {
      const [parent] = Editor.parent(editor, path);
      if (!isList(parent)) {
        Transforms.wrapNodes(editor, { type: 'bulleted-list', children: [] }, { at: path });
        return;
      }
    }
    // Nested text blocks (from pasted HTML, say) are flattened: the body is one level of blocks.
    if (Element.isElement(node) && path.length === 1 && !isList(node)) {
      const nested = node.children.findIndex((child) => Element.isElement(child) && !editor.isInline(child));
      if (nested >= 0) {
        Transforms.unwrapNodes(editor, { at: [...path, nested] });
        return;
      }
    }
    if (
      Element.isElement(node) &&
      node.type === 'link' &&
      (safeUrl(node.url) === undefined || Node.string(node) === '')
    ) {
      Transforms.unwrapNodes(editor, { at: path });
      return;
    }
    normalizeNode(entry);
  };

  // Enter on an empty list item ends the list, as in every word processor.
  editor.insertBreak = () => {
    const item = Editor.above(editor, { match: (node) => Element.isElement(node) && node.type === 'list-item' });
    if (item && Node.string(item[0]) === '') {
      const [, listPath] = Editor.parent(editor, item[1]);
      if (!Editor.hasPath(editor, Path.next(item[1]))) {
        Transforms.removeNodes(editor, { at: item[1] });
        Transforms.insertNodes(
          editor,
          { type: 'paragraph', children: [{ text: '' }] },
          { at: Path.next(listPath), select: true },
        );
        return;
      }
    }
    insertBreak();
  };

  return editor;
}

const inBody = (editor: ArticleEditor): boolean => {
  const block = editor.selection ? editor.selection.anchor.path[0] : undefined;
  return block !== undefined && block > 1;
};

export function currentStyle(editor: ArticleEditor): TextBlockStyle | ListType | undefined {
  const index = editor.selection?.anchor.path[0];
  const node = index === undefined ? undefined : editor.children[index];
  if (!Element.isElement(node)) return undefined;
  if (node.type === 'heading') return node.level === 2 ? 'heading-2' : 'heading-3';
  if (
    node.type === 'paragraph' ||
    node.type === 'blockquote' ||
    node.type === 'bulleted-list' ||
    node.type === 'numbered-list'
  )
    return node.type;
  return undefined;
}

/** Turns the body blocks in the selection into paragraphs, headings or quotes (lists are unwrapped first). */
export function setTextStyle(editor: ArticleEditor, style: TextBlockStyle): void {
  if (!inBody(editor)) return;
  Editor.withoutNormalizing(editor, () => {
    Transforms.unwrapNodes(editor, { match: isList, split: true });
    const props =
      style === 'heading-2'
        ? { type: 'heading' as const, level: 2 as const }
        : style === 'heading-3'
          ? { type: 'heading' as const, level: 3 as const }
          : { type: style };
    Transforms.setNodes<Node>(editor, props, {
      match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) && node.type !== 'figure',
    });
    if (style !== 'heading-2' && style !== 'heading-3')
      Transforms.unsetNodes(editor, 'level', {
        match: (node) => Element.isElement(node) && Editor.isBlock(editor, node),
      });
  });
}

export function toggleList(editor: ArticleEditor, type: ListType): void {
  if (!inBody(editor)) return;
  const active = currentStyle(editor) === type;
  Editor.withoutNormalizing(editor, () => {
    Transforms.unwrapNodes(editor, { match: isList, split: true });
    Transforms.unsetNodes(editor, 'level', {
      match: (node) => Element.isElement(node) && Editor.isBlock(editor, node),
    });
    Transforms.setNodes<Node>(
      editor,
      { type: active ? 'paragraph' : 'list-item' },
      {
        match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) && node.type !== 'figure',
      },
    );
    if (!active)
      Transforms.wrapNodes(
        editor,
        { type, children: [] },
        { match: (node) => Element.isElement(node) && node.type === 'list-item' },
      );
  });
}

export type Mark = 'bold' | 'italic';

export function isMarkActive(editor: ArticleEditor, mark: Mark): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function toggleMark(editor: ArticleEditor, mark: Mark): void {
  if (cursorBlock(editor) === 0 || editor.selection?.anchor.path[0] === 0) return;
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

/** Links the selection to a URL; refused (false) unless the URL is http, https or mailto. */
export function setLink(editor: ArticleEditor, input: string): boolean {
  const url = safeUrl(input);
  const { selection } = editor;
  if (!url || !selection || cursorBlock(editor) === 0 || selection.anchor.path[0] === 0) return false;
  Transforms.unwrapNodes(editor, { match: (node) => Element.isElement(node) && node.type === 'link', split: true });
  if (Range.isCollapsed(selection)) {
    Transforms.insertNodes(editor, { type: 'link', url, children: [{ text: input.trim() }] });
  } else {
    Transforms.wrapNodes(editor, { type: 'link', url, children: [] }, { split: true });
    Transforms.collapse(editor, { edge: 'end' });
  }
  return true;
}

/** Anchors an editor note to the selected passage (body or lead); false without a selection there. */
export function addNoteMark(editor: ArticleEditor, id: string): boolean {
  const { selection } = editor;
  if (!selection || Range.isCollapsed(selection) || Range.start(selection).path[0] === 0) return false;
  Editor.addMark(editor, 'note', id);
  return true;
}
