import { Editor, Node, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Finding } from '../../../shared/copydesk/checks';
import type { PreflightPlace } from '../../../shared/export/preflight';
import type { ToneStyle } from '../../../shared/text/toneStyle';
import { applyToneStyle } from '../../../shared/text/toneStyle';
import { findingRange } from './copyDeskRanges';

/** The desk's tone-mark style on every word, as one undoable change. */
export function applyToneStyleEverywhere(editor: Editor, style: ToneStyle): void {
  Editor.withoutNormalizing(editor, () => {
    for (const [node, path] of Node.texts(editor)) {
      const converted = applyToneStyle(node.text, style);
      if (converted !== node.text) Transforms.insertText(editor, converted, { at: path });
    }
  });
}

/** A copy-desk finding's fix, applied where the finding is; false when it has none or moved away. */
export function applyFindingFix(editor: Editor, finding: Finding): boolean {
  const range = findingRange(editor, finding);
  if (!range || finding.fix === undefined) return false;
  Transforms.insertText(editor, finding.fix, { at: range });
  return true;
}

/** A preflight item's place in the editor: headline, lead, or a body block (the document holds headline and lead first). */
export function jumpToPlace(editor: Editor, place: PreflightPlace): void {
  const index =
    place.field === 'headline' ? 0 : place.field === 'lead' ? 1 : place.field === 'body' ? 2 + place.block : undefined;
  if (index === undefined || index >= editor.children.length) return;
  Transforms.select(editor, Editor.start(editor, [index]));
  ReactEditor.focus(editor);
}
