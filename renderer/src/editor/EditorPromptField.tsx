import type { MessageKey } from '../i18n/messages';
import { InlinePrompt } from './InlinePrompt';
import type { EditorPrompt, PromptKind } from './useEditorPrompt';

const fields: Record<PromptKind, { label: MessageKey; submit: MessageKey; refused: MessageKey; initial: string }> = {
  link: { label: 'toolbar.linkUrl', submit: 'toolbar.linkApply', refused: 'toolbar.linkRefused', initial: 'https://' },
  note: { label: 'toolbar.noteText', submit: 'toolbar.noteApply', refused: 'toolbar.noteRefused', initial: '' },
};

/** The open prompt, if any: a link's address or a note's text. */
export function EditorPromptField({ prompt }: { prompt: EditorPrompt }) {
  if (prompt.kind === undefined) return null;
  return (
    <InlinePrompt
      key={prompt.kind}
      {...fields[prompt.kind]}
      testId={prompt.kind === 'link' ? 'link-url' : 'note-text'}
      onSubmit={prompt.apply}
      onCancel={prompt.cancel}
    />
  );
}
