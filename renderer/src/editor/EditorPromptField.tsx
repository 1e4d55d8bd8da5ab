import { InlinePrompt } from './InlinePrompt';
import type { EditorPrompt } from './useEditorPrompt';

/** The open prompt, if any: a link's address or a note's text. */
export function EditorPromptField({ prompt }: { prompt: EditorPrompt }) {
  if (prompt.kind === 'link')
    return (
      <InlinePrompt
        key="link"
        label="toolbar.linkUrl"
        submit="toolbar.linkApply"
        refused="toolbar.linkRefused"
        initial="https://"
        testId="link-url"
        onSubmit={prompt.apply}
        onCancel={prompt.cancel}
      />
    );
  if (prompt.kind === 'note')
    return (
      <InlinePrompt
        key="note"
        label="toolbar.noteText"
        submit="toolbar.noteApply"
        refused="toolbar.noteRefused"
        initial=""
        testId="note-text"
        onSubmit={prompt.apply}
        onCancel={prompt.cancel}
      />
    );
  return null;
}
