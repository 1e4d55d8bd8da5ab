import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** An inline URL field (window.prompt does not exist in Electron's sandboxed pages). */
export function LinkInput({ onSubmit, onCancel }: { onSubmit: (url: string) => boolean; onCancel: () => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState('https://');
  const [refused, setRefused] = useState(false);
  return (
    <form
      className="link-input"
      onSubmit={(event) => {
        event.preventDefault();
        if (!onSubmit(url)) setRefused(true);
      }}
    >
      <input
        autoFocus
        aria-label={t('toolbar.linkUrl')}
        data-testid="link-url"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <button type="submit">{t('toolbar.linkApply')}</button>
      <button type="button" onClick={onCancel}>
        {t('toolbar.cancel')}
      </button>
      {refused && (
        <span className="error" role="alert">
          {t('toolbar.linkRefused')}
        </span>
      )}
    </form>
  );
}
