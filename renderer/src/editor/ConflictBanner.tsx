import { useState, useSyncExternalStore } from 'react';
import type { ApiError } from '../../../shared/api/result';
import type { Autosaver, SaveState } from '../autosave/Autosaver';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';

interface Props {
  autosaver: Autosaver<unknown>;
  onReload: () => void;
  onKeepCopy: () => Promise<ApiError | undefined>;
}

/**
 * A save refused because the article changed elsewhere: the text stays on screen, and the
 * reporter chooses to load the saved version or to keep this text as a new article.
 */
export function ConflictBanner({ autosaver, onReload, onKeepCopy }: Props) {
  const { t } = useI18n();
  const state: SaveState = useSyncExternalStore(
    (listener) => autosaver.subscribe(listener),
    () => autosaver.current,
  );
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (state.kind !== 'failed' || state.error.code !== 'conflict') return null;
  return (
    <div className="conflict" role="alert" data-testid="conflict">
      <p>{t('conflict.title')}</p>
      <button type="button" data-testid="conflict-reload" onClick={onReload}>
        {t('conflict.reload')}
      </button>
      <button
        type="button"
        className="primary"
        data-testid="conflict-copy"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onKeepCopy().then((error) => {
            setBusy(false);
            setFailure(error);
          });
        }}
      >
        {t('conflict.keepCopy')}
      </button>
      {failure && <p className="error">{t('conflict.copyFailed', { reason: t(errorKey(failure.code)) })}</p>}
    </div>
  );
}
