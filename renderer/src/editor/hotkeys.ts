import type { KeyboardEvent } from 'react';
import { cursorBlock, moveToNextSection } from './withArticleLayout';
import type { ArticleEditor } from './customTypes';
import { setTextStyle, toggleList, toggleMark } from './withBlocks';

export interface HotkeyActions {
  /** Asks for a URL and links the selection (Ctrl/Cmd+K). */
  link: () => void;
}

/** Word-processor shortcuts: Ctrl/Cmd+B, I, K; Ctrl+Alt+0/2/3 for paragraph and headings; Ctrl+Shift+7/8 for lists. */
export function handleHotkeys(editor: ArticleEditor, event: KeyboardEvent, actions: HotkeyActions): void {
  const mod = event.ctrlKey || event.metaKey;
  const block = cursorBlock(editor);
  if (event.key === 'Tab' && !mod && !event.altKey) {
    if (!event.shiftKey && (block === 0 || block === 1)) {
      event.preventDefault();
      moveToNextSection(editor, block);
    }
    return;
  }
  if (!mod) return;
  const key = event.key.toLowerCase();
  const run = (action: () => void) => {
    event.preventDefault();
    action();
  };
  if (!event.altKey && !event.shiftKey && key === 'b') run(() => toggleMark(editor, 'bold'));
  else if (!event.altKey && !event.shiftKey && key === 'i') run(() => toggleMark(editor, 'italic'));
  else if (!event.altKey && !event.shiftKey && key === 'k') run(actions.link);
  else if (event.altKey && event.code === 'Digit2') run(() => setTextStyle(editor, 'heading-2'));
  else if (event.altKey && event.code === 'Digit3') run(() => setTextStyle(editor, 'heading-3'));
  else if (event.altKey && event.code === 'Digit0') run(() => setTextStyle(editor, 'paragraph'));
  else if (event.shiftKey && event.code === 'Digit7') run(() => toggleList(editor, 'numbered-list'));
  else if (event.shiftKey && event.code === 'Digit8') run(() => toggleList(editor, 'bulleted-list'));
  else if (event.shiftKey && event.code === 'Digit9') run(() => setTextStyle(editor, 'blockquote'));
}
