import { Editor, Element, Node, Path, Point, Range, Text, Transforms } from 'slate';
import type { ArticleEditor } from './customTypes';

const emptyParagraph = () => ({ type: 'paragraph' as const, children: [{ text: '' }] });

const typeAt = (editor: ArticleEditor, index: number): string | undefined => {
  const node = editor.children[index];
  return Element.isElement(node) ? node.type : undefined;
};

/** The top-level index of the block holding the cursor, if the selection is collapsed. */
export function cursorBlock(editor: ArticleEditor): number | undefined {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return undefined;
  return selection.anchor.path[0];
}

/** Moves the cursor to the start of the block after the headline or the lead, making one if needed. */
export function moveToNextSection(editor: ArticleEditor, from: 0 | 1): void {
  const next = from + 1;
  const target = editor.children[next];
  if (from === 1 && (!target || Node.string(target) !== '' || typeAt(editor, next) !== 'paragraph')) {
    Transforms.insertNodes(editor, emptyParagraph(), { at: [next] });
  }
  Transforms.select(editor, Editor.start(editor, [next]));
}

/**
 * The article layout: the headline (plain text), then the lead, then at least one body block.
 * Each normalizer step fixes one thing and returns; Slate runs it again until nothing changes.
 */
export function withArticleLayout<T extends ArticleEditor>(editor: T): T {
  const { normalizeNode, insertBreak, deleteBackward } = editor;

  editor.normalizeNode = (entry) => {
    const [node, path] = entry;
    if (path.length === 0) {
      if (typeAt(editor, 0) !== 'headline') {
        Transforms.insertNodes(editor, { type: 'headline', children: [{ text: '' }] }, { at: [0] });
        return;
      }
      if (typeAt(editor, 1) !== 'lead') {
        Transforms.insertNodes(editor, { type: 'lead', children: [{ text: '' }] }, { at: [1] });
        return;
      }
      const stray = editor.children.findIndex(
        (child, index) => index > 1 && Element.isElement(child) && (child.type === 'headline' || child.type === 'lead'),
      );
      if (stray > 1) {
        Transforms.setNodes(editor, { type: 'paragraph' }, { at: [stray] });
        return;
      }
      if (editor.children.length < 3) {
        Transforms.insertNodes(editor, emptyParagraph(), { at: [editor.children.length] });
        return;
      }
    }
    // The headline is plain text: no marks, no links.
    if (Element.isElement(node) && node.type === 'headline') {
      const linkIndex = node.children.findIndex((child) => Element.isElement(child));
      if (linkIndex >= 0) {
        Transforms.unwrapNodes(editor, { at: [...path, linkIndex] });
        return;
      }
      const marked = node.children.findIndex(
        (child) => Text.isText(child) && (child.bold || child.italic || child.note),
      );
      if (marked >= 0) {
        Transforms.unsetNodes(editor, ['bold', 'italic', 'note'], { at: [...path, marked] });
        return;
      }
    }
    normalizeNode(entry);
  };

  // Enter moves from the headline to the lead and from the lead to the body instead of splitting them.
  editor.insertBreak = () => {
    const block = cursorBlock(editor);
    if (block === 0 || block === 1) {
      moveToNextSection(editor, block);
      return;
    }
    insertBreak();
  };

  // Backspace at the start of the lead or the body steps back instead of merging sections.
  editor.deleteBackward = (unit) => {
    const block = cursorBlock(editor);
    const { selection } = editor;
    if ((block === 1 || block === 2) && selection && Point.equals(selection.anchor, Editor.start(editor, [block]))) {
      const previous = Path.previous([block]);
      if (block === 2 && Node.string(Node.get(editor, [block])) === '' && editor.children.length > 3) {
        Transforms.removeNodes(editor, { at: [block] });
      }
      Transforms.select(editor, Editor.end(editor, previous));
      return;
    }
    deleteBackward(unit);
  };

  return editor;
}
