import { useSyncExternalStore } from 'react';
import type { Autosaver, SaveState } from './autosave/Autosaver';
import { useI18n } from './i18n/I18nProvider';
import { errorKey } from './i18n/messages';

export function SaveStatus({ autosaver }: { autosaver: Autosaver<unknown> }) {
  const { t } = useI18n();
  const state: SaveState = useSyncExternalStore(
    (listener) => autosaver.subscribe(listener),
    () => autosaver.current,
  );
  let text: string;
  if (state.kind === 'failed') {
    const reason = t(errorKey(state.error.code));
    text = t(state.retrying ? 'save.retrying' : 'save.failed', { reason });
  } else {
    text = t(`save.${state.kind}`);
  }
  return (
    <output
      className={`save-status save-${state.kind}`}
      data-testid="save-status"
      data-state={state.kind}
      aria-live="polite"
      title={state.kind === 'failed' ? state.error.message : undefined}
    >
      {text}
    </output>
  );
}
