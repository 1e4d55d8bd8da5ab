import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

interface Props {
  label: MessageKey;
  submit: MessageKey;
  refused: MessageKey;
  initial: string;
  testId: string;
  /** Applies the value; false keeps the prompt open and shows the `refused` message. */
  onSubmit: (value: string) => boolean;
  onCancel: () => void;
}

/** A one-line field under the toolbar (window.prompt does not exist in Electron's sandboxed pages). */
export function InlinePrompt({ label, submit, refused, initial, testId, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const [wasRefused, setWasRefused] = useState(false);
  return (
    <form
      className="link-input"
      onSubmit={(event) => {
        event.preventDefault();
        if (!onSubmit(value)) setWasRefused(true);
      }}
    >
      <input
        autoFocus
        aria-label={t(label)}
        data-testid={testId}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <button type="submit">{t(submit)}</button>
      <button type="button" onClick={onCancel}>
        {t('toolbar.cancel')}
      </button>
      {wasRefused && (
        <span className="error" role="alert">
          {t(refused)}
        </span>
      )}
    </form>
  );
}
