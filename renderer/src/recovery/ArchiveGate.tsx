import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { ArchiveStatus, RecoveryAction } from '../../../shared/archive/status';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';

type Recovery = Extract<ArchiveStatus, { state: 'recovery' }>;

/**
 * Shows the app once the archive is open. An archive found damaged at start was moved aside
 * by the core; this screen says what happened and lets the user choose the way back.
 */
export function ArchiveGate({ api, children }: { api: Api; children: ReactNode }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ArchiveStatus | { state: 'error'; error: ApiError }>();
  useEffect(() => {
    void api['archive.status']({}).then((result) =>
      setStatus(result.ok ? result.value : { state: 'error', error: result.error }),
    );
  }, [api]);
  if (!status) return <p className="pane-message">{t('recovery.checking')}</p>;
  // An unreachable archive is the app's own business (it shows the error where it is needed).
  if (status.state !== 'recovery') return children;
  return <RecoveryScreen api={api} recovery={status} onOpen={setStatus} />;
}

function RecoveryScreen({
  api,
  recovery,
  onOpen,
}: {
  api: Api;
  recovery: Recovery;
  onOpen: (status: ArchiveStatus) => void;
}) {
  const { t } = useI18n();
  const firstGood = recovery.backups.find((backup) => backup.ok)?.name;
  const [chosen, setChosen] = useState(firstGood);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const act = async (action: RecoveryAction) => {
    setBusy(true);
    const result = await api['archive.recover']({ action, ...(action === 'restore-backup' ? { backup: chosen } : {}) });
    setBusy(false);
    if (result.ok) onOpen(result.value);
    else setFailure(result.error);
  };
  return (
    <main className="recovery" data-testid="recovery">
      <h1>{t('recovery.title')}</h1>
      <p data-testid="recovery-problem">{t(`recovery.kind.${recovery.problem.kind}`)}</p>
      <details>
        <summary>{t('recovery.details')}</summary>
        <p>{recovery.problem.message}</p>
      </details>
      <p>{t('recovery.setAside', { dir: recovery.setAsideDir })}</p>
      <h2>{t('recovery.backups')}</h2>
      {recovery.backups.length === 0 && <p>{t('recovery.noBackups')}</p>}
      <ul className="recovery-backups">
        {recovery.backups.map((backup) => {
          const at = new Date(backup.createdAt).toLocaleString();
          return (
            <li key={backup.name}>
              <label>
                <input
                  type="radio"
                  name="backup"
                  value={backup.name}
                  disabled={!backup.ok}
                  checked={chosen === backup.name}
                  onChange={() => setChosen(backup.name)}
                />{' '}
                {backup.ok
                  ? t('recovery.backup', { at, articles: String(backup.articles) })
                  : t('recovery.backupDamaged', { at })}
              </label>
            </li>
          );
        })}
      </ul>
      <div className="recovery-actions">
        {chosen && (
          <button
            type="button"
            className="primary"
            data-testid="recovery-restore"
            disabled={busy}
            onClick={() => void act('restore-backup')}
          >
            {t('recovery.restore')}
          </button>
        )}
        {recovery.canUseSetAside && (
          <p>
            <button
              type="button"
              data-testid="recovery-use-set-aside"
              disabled={busy}
              onClick={() => void act('use-set-aside')}
            >
              {t('recovery.useSetAside')}
            </button>{' '}
            <small>{t('recovery.useSetAsideHelp')}</small>
          </p>
        )}
        <p>
          <button
            type="button"
            data-testid="recovery-start-empty"
            disabled={busy}
            onClick={() => void act('start-empty')}
          >
            {t('recovery.startEmpty')}
          </button>{' '}
          <small>{t('recovery.startEmptyHelp')}</small>
        </p>
      </div>
      {failure && (
        <p className="error" role="alert">
          {t('recovery.failed', { reason: `${t(errorKey(failure.code))} ${failure.message}` })}
        </p>
      )}
    </main>
  );
}
