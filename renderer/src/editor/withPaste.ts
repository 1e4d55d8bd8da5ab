import { Transforms } from 'slate';
import type { ArticleBody } from '../../../shared/article/article';
import { blockLines, bodyText } from '../../../shared/article/article';
import { mapText } from '../../../shared/article/mapText';
import { convertLegacyBlocks } from '../../../shared/text/legacyEncodings';
import { htmlToBlocks, textToBlocks } from '../../../shared/article/fromHtml';
import { toNfc } from '../../../shared/text/nfc';
import type { ArticleEditor } from './customTypes';
import { cursorBlock } from './withArticleLayout';

/**
 * Pasting from Word, Google Docs or the web goes through the same mapper as document import:
 * only the article's own blocks and marks survive, links only with safe schemes, text NFC.
 * In the headline and the lead, only the text is kept. TCVN3 and VNI text becomes Unicode.
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
    const pasted: ArticleBody = html ? htmlToBlocks(html) : textToBlocks(plain);
    if (pasted.length === 0) return;
    // Text from an old TCVN3 (ABC) or VNI document arrives as Latin-1 letters: converted, and the reporter told.
    const { blocks, convertedFrom } = convertLegacyBlocks(
      pasted,
      bodyText(pasted),
      (body, change) => mapText({ headline: '', lead: [{ text: '' }], body }, change).body,
    );
    if (convertedFrom) editor.onLegacyConverted?.(convertedFrom);
    const section = cursorBlock(editor) ?? editor.selection?.anchor.path[0];
    if (section === 0 || section === 1) {
      Transforms.insertText(editor, toNfc(blocks.flatMap(blockLines).join(' ')));
      return;
    }
    Transforms.insertFragment(editor, blocks);
  };

  return editor;
}
