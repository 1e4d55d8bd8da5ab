import { useState } from 'react';
import type { ArticleStatus } from '../../../shared/article/article';
import { articleStatuses } from '../../../shared/article/article';
import type { StatusChange } from '../../../shared/article/workflow';
import { canTransition, transitions } from '../../../shared/article/workflow';
import { refusalFor } from '../../../shared/desk/roles';
import { useDeskRole } from '../desk/DeskContext';
import { useI18n } from '../i18n/I18nProvider';
import { statusKey } from '../i18n/messages';

interface Props {
  status: ArticleStatus;
  history: StatusChange[];
  onMove: (to: ArticleStatus) => void;
}

/**
 * Every status is shown; the ones the workflow does not allow from here explain why instead of
 * moving. On a desk, only the moves the user's role may make are offered (the desk checks again).
 */
export function StatusPanel({ status, history, onMove }: Props) {
  const { t } = useI18n();
  const role = useDeskRole();
  const mayMake = (to: ArticleStatus) =>
    role === undefined || refusalFor({ role, author: true, status, act: { kind: 'status', to } }) === undefined;
  const [refused, setRefused] = useState<ArticleStatus>();
  const allowed = transitions[status].map((to) => t(statusKey(to))).join(', ');
  return (
    <div className="status-panel">
      <p>
        {t('inspector.statusNow')} <strong data-testid="status">{t(statusKey(status))}</strong>
      </p>
      <div className="status-buttons">
        {articleStatuses
          .filter((to) => to !== status && mayMake(to))
          .map((to) => {
            const ok = canTransition(status, to);
            return (
              <button
                key={to}
                type="button"
                data-testid={`status-${to}`}
                className={ok ? 'status-allowed' : 'status-refused'}
                aria-disabled={!ok}
                onClick={() => {
                  setRefused(ok ? undefined : to);
                  if (ok) onMove(to);
                }}
              >
                {t(statusKey(to))}
              </button>
            );
          })}
      </div>
      {refused && (
        <p className="error" role="alert" data-testid="transition-refused">
          {t('workflow.refused', { from: t(statusKey(status)), to: t(statusKey(refused)), allowed })}
        </p>
      )}
      {history.length > 0 && (
        <ol className="status-history" data-testid="status-history">
          {history.map((change, index) => (
            <li key={index}>
              {t('workflow.change', {
                from: t(statusKey(change.from)),
                to: t(statusKey(change.to)),
                at: new Date(change.at).toLocaleString(),
                by: change.by || '—',
              })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
