import { useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';
import { usePhotoStore } from './PhotoContext';

interface Props {
  id: string;
  kind: 'thumb' | 'preview';
  alt: string;
  width?: number;
  height?: number;
  loading?: 'lazy';
}

/**
 * A photo's rendition. One whose record came from the desk has no file here yet: its original
 * is fetched from the desk when it is first shown, with a word while it comes, and a reason in
 * words when it cannot come (offline).
 */
export function PhotoImage({ id, kind, alt, ...size }: Props) {
  const { t } = useI18n();
  const store = usePhotoStore();
  const [state, setState] = useState<'shown' | 'fetching' | 'fetched' | ApiError>('shown');
  if (state === 'fetching')
    return (
      <span className="photo-fetching" data-testid="photo-fetching" role="status">
        {t('photos.fetching')}
      </span>
    );
  if (typeof state === 'object')
    return (
      <span className="photo-unavailable" data-testid="photo-unavailable" title={state.message}>
        {t(errorKey(state.code))}
      </span>
    );
  return (
    <img
      // After a fetch, a new address: the failed load is not taken from the browser's memory.
      src={`${store.photoUrl(id, kind)}${state === 'fetched' ? '?fetched=1' : ''}`}
      alt={alt}
      {...size}
      onError={() => {
        if (state !== 'shown') return;
        setState('fetching');
        void store.fetchOriginal(id).then((error) => setState(error ?? 'fetched'));
      }}
    />
  );
}
