import { useState } from 'react';
import type { BaseSelection } from 'slate';
import type { Editor } from 'slate';
import { Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { addNoteMark, setLink } from './withBlocks';

export type PromptKind = 'link' | 'note';

export interface EditorPrompt {
  kind: PromptKind | undefined;
  start: (kind: PromptKind) => void;
  /** Applies the value to the selection the prompt was opened on; false keeps it open. */
  apply: (value: string) => boolean;
  cancel: () => void;
}

/**
 * The link and note fields under the toolbar. `onNote` gets a note anchored in the text (its
 * id and text), to add it to the article's notes.
 */
export function useEditorPrompt(editor: Editor, onNote: (id: string, text: string) => void): EditorPrompt {
  const [prompt, setPrompt] = useState<{ kind: PromptKind; selection: BaseSelection }>();
  // Slate syncs its selection from the DOM asynchronously; a quick Shift+Arrow then Ctrl+K must
  // act on what the reporter sees selected, so the DOM selection is read directly.
  const start = (kind: PromptKind) => {
    const dom = window.getSelection();
    const live =
      dom && dom.rangeCount > 0
        ? ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true })
        : null;
    setPrompt({ kind, selection: live ?? editor.selection });
  };
  const apply = (value: string): boolean => {
    if (!prompt) return false;
    if (prompt.selection) Transforms.select(editor, prompt.selection);
    let done: boolean;
    if (prompt.kind === 'link') {
      done = setLink(editor, value);
    } else {
      const text = value.trim();
      const id = `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      done = text !== '' && addNoteMark(editor, id);
      if (done) onNote(id, text);
    }
    if (done) {
      setPrompt(undefined);
      ReactEditor.focus(editor);
    }
    return done;
  };
  return { kind: prompt?.kind, start, apply, cancel: () => setPrompt(undefined) };
}
