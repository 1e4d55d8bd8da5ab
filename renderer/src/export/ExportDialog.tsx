import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { ArticleContent } from '../../../shared/article/article';
import { articleStatuses } from '../../../shared/article/article';
import type { PreflightItem, PreflightPlace } from '../../../shared/export/preflight';
import type { Settings } from '../../../shared/settings/settings';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey, statusKey } from '../i18n/messages';
import { usePeople } from '../people/People';
import { usePhotoStore } from '../photos/PhotoContext';
import { previewPage } from './preview';

interface Props {
  api: Api;
  articleId: number;
  settings: Settings;
  /** The article as it is on screen now (saved or not), for the preview; the same object until it changes. */
  content: () => ArticleContent;
  /** Saves what is unsaved first; false when it could not be saved. */
  prepare: () => Promise<boolean>;
  /** Takes the editor to the place a preflight item names. */
  onJump: (place: PreflightPlace) => void;
  onClose: () => void;
}

type Outcome = { dir: string; files: number; draft: boolean } | { error: ApiError } | undefined;

const isArticleStatus = (value: string | undefined): value is (typeof articleStatuses)[number] =>
  (articleStatuses as readonly (string | undefined)[]).includes(value);

/** How often the preview looks at the text on screen, and the progress at the running export. */
const previewEveryMs = 1000;
const progressEveryMs = 200;

/**
 * Export for publication: the preflight list (click to go there), a live preview of the page in
 * a sandboxed frame, then the story package, with progress while the images are made and the
 * folder to open at the end.
 */
export function ExportDialog({ api, articleId, settings, content, prepare, onJump, onClose }: Props) {
  const { t } = useI18n();
  const photos = usePhotoStore();
  const { display } = usePeople();
  const [items, setItems] = useState<PreflightItem[]>();
  const [draft, setDraft] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [opened, setOpened] = useState<'opened' | ApiError>();
  const [preview, setPreview] = useState('');
  const [openedAt] = useState(() => new Date().toISOString());

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

  // The preview follows the text on screen, rebuilt only when the text changed (a long article's
  // page is not rebuilt every second for nothing) or a photo arrived; React skips equal strings.
  useEffect(() => {
    let shown: ArticleContent | undefined;
    const build = () => {
      const now = content();
      shown = now;
      for (const block of now.body) if (block.type === 'figure') photos.load(block.photoId);
      setPreview(
        previewPage({
          id: articleId,
          content: now,
          settings,
          photo: photos.get,
          photoUrl: photos.photoUrl,
          display,
          at: openedAt,
        }),
      );
    };
    build();
    const timer = setInterval(() => {
      if (content() !== shown) build();
    }, previewEveryMs);
    const unsubscribe = photos.subscribe(build);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [articleId, content, display, openedAt, photos, settings]);

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      void api['articles.exportProgress']({ id: articleId }).then((result) => {
        if (result.ok && result.value.running) setProgress({ done: result.value.done, total: result.value.total });
      });
    }, progressEveryMs);
    return () => clearInterval(timer);
  }, [api, articleId, busy]);

  const errors = items?.filter((item) => item.severity === 'error') ?? [];
  /** The item in the page's language: its code picks the message, its params fill it. */
  const describe = (item: PreflightItem): string => {
    const params = { ...item.params };
    if (item.code === 'copy-desk' && item.finding) params.rule = t(`rule.${item.finding.rule}`);
    if (item.code === 'status' && isArticleStatus(params.status)) params.status = t(statusKey(params.status));
    return t(`preflight.${item.code}`, params);
  };
  const run = async () => {
    setBusy(true);
    setProgress(undefined);
    setOpened(undefined);
    const result = await api['articles.export']({ id: articleId, draft: draft || undefined });
    setBusy(false);
    if (!result.ok) setOutcome({ error: result.error });
    else if (result.value.status === 'blocked') setItems(result.value.preflight);
    else
      setOutcome({ dir: result.value.dir ?? '', files: result.value.files ?? 0, draft: result.value.draft ?? false });
  };
  const openFolder = async (dir: string) => {
    const result = await api['exports.openFolder']({ dir });
    setOpened(result.ok ? 'opened' : result.error);
  };

  return (
    // Docked beside the editor, not modal: a preflight item takes the cursor to the text to fix.
    <div className="export-dialog" role="dialog" aria-label={t('export.title')} data-testid="export-dialog">
      <div className="export-side">
        <h2>{t('export.title')}</h2>
        {!items && !outcome && <p>{t('export.checking')}</p>}
        {items && (
          <>
            <p data-testid="preflight-summary">
              {items.length === 0
                ? t('export.clean')
                : t('export.summary', {
                    errors: String(errors.length),
                    warnings: String(items.length - errors.length),
                  })}
            </p>
            <ul className="preflight-list" data-testid="preflight">
              {items.map((item, index) => (
                <li key={index} data-severity={item.severity}>
                  <button type="button" className="link-button" onClick={() => onJump(item.place)}>
                    {item.severity === 'error' ? t('export.error') : t('export.warning')}: {describe(item)}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {errors.length > 0 && (
          <label>
            <input
              type="checkbox"
              data-testid="export-draft"
              checked={draft}
              onChange={(event) => setDraft(event.target.checked)}
            />{' '}
            {t('export.asDraft')}
          </label>
        )}
        {busy && (
          <p role="status" data-testid="export-busy">
            {progress && progress.total > 0 ? (
              <>
                <progress value={progress.done} max={progress.total} />{' '}
                {t('export.progress', { done: String(progress.done), total: String(progress.total) })}
              </>
            ) : (
              <>
                <progress /> {t('export.busy')}
              </>
            )}
          </p>
        )}
        {outcome && 'dir' in outcome && (
          <div role="status" data-testid="export-done">
            <p>
              {t(outcome.draft ? 'export.doneDraft' : 'export.done', {
                files: String(outcome.files),
                dir: outcome.dir,
              })}
            </p>
            <button type="button" data-testid="export-open-folder" onClick={() => void openFolder(outcome.dir)}>
              {t('export.openFolder')}
            </button>
            {opened && opened !== 'opened' && (
              <p className="error" role="alert" data-testid="open-folder-failed">
                {t('export.openFolderFailed', { reason: opened.message, dir: outcome.dir })}
              </p>
            )}
          </div>
        )}
        {outcome && 'error' in outcome && (
          <p className="error" role="alert">
            {t('export.failed', { reason: `${t(errorKey(outcome.error.code))} ${outcome.error.message}` })}
          </p>
        )}
        <div className="export-actions">
          <button
            type="button"
            className="primary"
            data-testid="export-run"
            disabled={!items || busy || (errors.length > 0 && !draft)}
            onClick={() => void run()}
          >
            {t('export.run')}
          </button>
          <button type="button" data-testid="export-close" onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
      </div>
      {/*
        No scripts, forms, popups or navigation of the editor: the page is shown, nothing in it
        runs. Same-origin only so its images load from the media route (with no script able to
        run, the origin gives the frame nothing else).
      */}
      <iframe
        className="export-preview"
        title={t('export.preview')}
        data-testid="export-preview"
        sandbox="allow-same-origin"
        srcDoc={preview}
      />
    </div>
  );
}
