import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { PreflightItem, PreflightPlace } from '../../../shared/export/preflight';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';

interface Props {
  api: Api;
  articleId: number;
  /** Saves what is unsaved first; false when it could not be saved. */
  prepare: () => Promise<boolean>;
  /** Takes the editor to the place a preflight item names. */
  onJump: (place: PreflightPlace) => void;
  onClose: () => void;
}

type Outcome = { dir: string; files: number; draft: boolean } | { error: ApiError } | undefined;

/** Export for publication: the preflight list (click to go there), then the story package. */
export function ExportDialog({ api, articleId, prepare, onJump, onClose }: Props) {
  const { t } = useI18n();
  const [items, setItems] = useState<PreflightItem[]>();
  const [draft, setDraft] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  useEffect(() => {
    let live = true;
    void prepare().then(async () => {
      const result = await api['articles.preflight']({ id: articleId });
      if (live) {
        if (result.ok) setItems(result.value);
        else setOutcome({ error: result.error });
      }
    });
    return () => {
      live = false;
    };
  }, [api, articleId, prepare]);

  const errors = items?.filter((item) => item.severity === 'error') ?? [];
  const run = async () => {
    setBusy(true);
    const result = await api['articles.export']({ id: articleId, draft: draft || undefined });
    setBusy(false);
    if (!result.ok) setOutcome({ error: result.error });
    else if (result.value.status === 'blocked') setItems(result.value.preflight);
    else setOutcome({ dir: result.value.dir ?? '', files: result.value.files ?? 0, draft: result.value.draft ?? false });
  };

  return (
    <div className="export-dialog" role="dialog" aria-modal="true" aria-label={t('export.title')} data-testid="export-dialog">
      <h2>{t('export.title')}</h2>
      {!items && !outcome && <p>{t('export.checking')}</p>}
      {items && (
        <>
          <p data-testid="preflight-summary">{items.length === 0 ? t('export.clean') : t('export.summary', { errors: String(errors.length), warnings: String(items.length - errors.length) })}</p>
          <ul className="preflight-list" data-testid="preflight">
            {items.map((item, index) => (
              <li key={index} data-severity={item.severity}>
                <button type="button" className="link-button" onClick={() => onJump(item.place)}>
                  {item.severity === 'error' ? t('export.error') : t('export.warning')}: {item.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {errors.length > 0 && (
        <label>
          <input type="checkbox" data-testid="export-draft" checked={draft} onChange={(event) => setDraft(event.target.checked)} /> {t('export.asDraft')}
        </label>
      )}
      {busy && (
        <p role="status" data-testid="export-busy">
          <progress /> {t('export.busy')}
        </p>
      )}
      {outcome && 'dir' in outcome && (
        <p role="status" data-testid="export-done">
          {t(outcome.draft ? 'export.doneDraft' : 'export.done', { files: String(outcome.files), dir: outcome.dir })}
        </p>
      )}
      {outcome && 'error' in outcome && (
        <p className="error" role="alert">
          {t('export.failed', { reason: `${t(errorKey(outcome.error.code))} ${outcome.error.message}` })}
        </p>
      )}
      <div className="export-actions">
        <button type="button" className="primary" data-testid="export-run" disabled={!items || busy || (errors.length > 0 && !draft)} onClick={() => void run()}>
          {t('export.run')}
        </button>
        <button type="button" data-testid="export-close" onClick={onClose}>
          {t('export.close')}
        </button>
      </div>
    </div>
  );
}
