import { Editor, Element, Node, Transforms } from 'slate';
import type { ArticleEditor } from './customTypes';

const emptyParagraph = () => ({ type: 'paragraph' as const, children: [{ text: '' }] });

const isHeadline = (node: Node | undefined): boolean => Element.isElement(node) && node.type === 'headline';

/**
 * The article layout: exactly one headline, first, then at least one body paragraph.
 * Each normalizer step fixes one thing and returns; Slate runs it again until nothing changes.
 */
export function withArticleLayout<T extends ArticleEditor>(editor: T): T {
  const { normalizeNode, insertBreak } = editor;

  editor.normalizeNode = (entry) => {
    const [node, path] = entry;
    if (path.length === 0) {
      if (!isHeadline(editor.children[0])) {
        Transforms.insertNodes(editor, { type: 'headline', children: [{ text: '' }] }, { at: [0] });
        return;
      }
      const strayHeadline = editor.children.findIndex((child, index) => index > 0 && isHeadline(child));
      if (strayHeadline > 0) {
        Transforms.setNodes(editor, { type: 'paragraph' }, { at: [strayHeadline] });
        return;
      }
      if (editor.children.length < 2) {
        Transforms.insertNodes(editor, emptyParagraph(), { at: [editor.children.length] });
        return;
      }
    }
    if (Element.isElement(node) && path.length === 1) {
      const nested = node.children.findIndex((child) => Element.isElement(child));
      if (nested >= 0) {
        Transforms.unwrapNodes(editor, { at: [...path, nested] });
        return;
      }
    }
    normalizeNode(entry);
  };

  // Enter in the headline starts the body instead of splitting the headline.
  editor.insertBreak = () => {
    const match = Editor.above(editor, { match: (node) => Element.isElement(node) && node.type === 'headline' });
    if (!match) {
      insertBreak();
      return;
    }
    const next = editor.children[1];
    if (!next || Node.string(next) !== '') Transforms.insertNodes(editor, emptyParagraph(), { at: [1] });
    Transforms.select(editor, Editor.start(editor, [1]));
  };

  return editor;
}
