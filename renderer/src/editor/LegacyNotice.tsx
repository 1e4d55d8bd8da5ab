import type { LegacyEncoding } from '../../../shared/text/legacyEncodings';
import { useI18n } from '../i18n/I18nProvider';

/** Says that pasted text in a legacy Vietnamese encoding was converted to Unicode. */
export function LegacyNotice({ encoding, onDismiss }: { encoding: LegacyEncoding; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <p className="notice" role="status" data-testid="legacy-notice">
      {t('legacy.converted', { encoding: t(`legacy.${encoding}`) })}{' '}
      <button type="button" onClick={onDismiss}>
        {t('legacy.dismiss')}
      </button>
    </p>
  );
}
