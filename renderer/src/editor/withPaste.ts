import { Transforms } from 'slate';
import type { ArticleBody } from '../../../shared/article/article';
import { blockLines } from '../../../shared/article/article';
import { htmlToBlocks, textToBlocks } from '../../../shared/article/fromHtml';
import { toNfc } from '../../../shared/text/nfc';
import type { ArticleEditor } from './customTypes';
import { cursorBlock } from './withArticleLayout';

/**
 * Pasting from Word, Google Docs or the web goes through the same mapper as document import:
 * only the article's own blocks and marks survive, links only with safe schemes, text NFC.
 * In the headline and the lead, only the text is kept.
 */
export function withPaste<T extends ArticleEditor>(editor: T): T {
  const { insertData } = editor;

  editor.insertData = (data) => {
    if (data.types.includes('application/x-slate-fragment')) {
      insertData(data);
      return;
    }
    const html = data.getData('text/html');
    const plain = data.getData('text/plain');
    const blocks: ArticleBody = html ? htmlToBlocks(html) : textToBlocks(plain);
    if (blocks.length === 0) return;
    const section = cursorBlock(editor) ?? editor.selection?.anchor.path[0];
    if (section === 0 || section === 1) {
      Transforms.insertText(editor, toNfc(blocks.flatMap(blockLines).join(' ')));
      return;
    }
    Transforms.insertFragment(editor, blocks);
  };

  return editor;
}
