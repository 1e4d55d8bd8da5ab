import { useSlate } from 'slate-react';
import { useI18n } from '../i18n/I18nProvider';
import { currentStyle, isMarkActive, setTextStyle, toggleList, toggleMark } from './withBlocks';
import type { TextBlockStyle } from './withBlocks';

/** Re-renders with the editor (useSlate) so the buttons show the state at the cursor. */
export function Toolbar({ onLink, onNote }: { onLink: () => void; onNote: () => void }) {
  const editor = useSlate();
  const { t } = useI18n();
  const style = currentStyle(editor);
  const textStyle: TextBlockStyle | '' =
    style === 'bulleted-list' || style === 'numbered-list' || style === undefined ? '' : style;
  const press = (action: () => void) => (event: React.MouseEvent) => {
    event.preventDefault();
    action();
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <select
        aria-label={t('toolbar.style')}
        data-testid="block-style"
        value={textStyle}
        onChange={(event) => setTextStyle(editor, event.target.value as TextBlockStyle)}
      >
        <option value="" disabled>
          —
        </option>
        <option value="paragraph">{t('toolbar.paragraph')}</option>
        <option value="heading-2">{t('toolbar.heading2')}</option>
        <option value="heading-3">{t('toolbar.heading3')}</option>
        <option value="blockquote">{t('toolbar.quote')}</option>
      </select>
      <button
        type="button"
        aria-pressed={isMarkActive(editor, 'bold')}
        title={`${t('toolbar.bold')} (Ctrl+B)`}
        onMouseDown={press(() => toggleMark(editor, 'bold'))}
      >
        <strong>B</strong>
      </button>
      <button
        type="button"
        aria-pressed={isMarkActive(editor, 'italic')}
        title={`${t('toolbar.italic')} (Ctrl+I)`}
        onMouseDown={press(() => toggleMark(editor, 'italic'))}
      >
        <em>I</em>
      </button>
      <button type="button" title={`${t('toolbar.link')} (Ctrl+K)`} onMouseDown={press(onLink)}>
        🔗
      </button>
      <button type="button" data-testid="add-passage-note" title={t('toolbar.note')} onMouseDown={press(onNote)}>
        📝
      </button>
      <button
        type="button"
        aria-pressed={style === 'bulleted-list'}
        title={`${t('toolbar.bulleted')} (Ctrl+Shift+8)`}
        onMouseDown={press(() => toggleList(editor, 'bulleted-list'))}
      >
        •
      </button>
      <button
        type="button"
        aria-pressed={style === 'numbered-list'}
        title={`${t('toolbar.numbered')} (Ctrl+Shift+7)`}
        onMouseDown={press(() => toggleList(editor, 'numbered-list'))}
      >
        1.
      </button>
      <button type="button" title={`${t('toolbar.undo')} (Ctrl+Z)`} onMouseDown={press(() => editor.undo())}>
        ↶
      </button>
      <button type="button" title={`${t('toolbar.redo')} (Ctrl+Shift+Z)`} onMouseDown={press(() => editor.redo())}>
        ↷
      </button>
    </div>
  );
}
