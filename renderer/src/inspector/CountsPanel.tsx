import { useSyncExternalStore } from 'react';
import { countTally } from '../../../shared/article/counts';
import { useI18n } from '../i18n/I18nProvider';
import type { TextStore } from './textStore';

/** Reads the text through a debounced store, so typing does not re-render the inspector. */
export function CountsPanel({ store, targetWords }: { store: TextStore; targetWords: number | null }) {
  const { t } = useI18n();
  const { tally } = useSyncExternalStore(store.subscribe, store.get);
  const counts = countTally(tally, targetWords);
  return (
    <dl className="counts" data-testid="counts">
      <dt>{t('counts.words')}</dt>
      <dd data-testid="word-count">{counts.words}</dd>
      <dt>{t('counts.characters')}</dt>
      <dd>{counts.characters}</dd>
      <dt>{t('counts.reading')}</dt>
      <dd>{t('counts.minutes', { n: String(counts.readingMinutes) })}</dd>
      {counts.target !== 'none' && (
        <>
          <dt>{t('counts.target')}</dt>
          <dd data-testid="target-state" className={counts.target === 'on' ? 'ok' : 'warn'}>
            {t(`counts.${counts.target}`)}
          </dd>
        </>
      )}
    </dl>
  );
}
