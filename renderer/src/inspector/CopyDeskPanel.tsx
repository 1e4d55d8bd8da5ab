import type { Finding } from '../../../shared/copydesk/checks';
import { useI18n } from '../i18n/I18nProvider';

/** The copy desk's findings, each with its quick fix where there is one. */
export function CopyDeskPanel({
  findings,
  onFix,
}: {
  findings: readonly Finding[];
  onFix: (finding: Finding) => void;
}) {
  const { t } = useI18n();
  if (findings.length === 0)
    return (
      <p className="ok" data-testid="copydesk-clean">
        {t('copydesk.clean')}
      </p>
    );
  return (
    <ul className="copydesk" data-testid="copydesk">
      {findings.map((finding, index) => (
        <li
          key={`${finding.rule}-${finding.place.field}-${finding.place.block ?? ''}-${finding.place.item ?? ''}-${finding.start}-${index}`}
        >
          <span className="copydesk-rule">{t(`rule.${finding.rule}`)}</span> <q>{finding.excerpt}</q>
          {finding.fix !== undefined && (
            <button type="button" className="link-button" data-testid="copydesk-fix" onClick={() => onFix(finding)}>
              {finding.fix.trim() === '' ? t('copydesk.fixRemove') : t('copydesk.fix', { fix: finding.fix })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
