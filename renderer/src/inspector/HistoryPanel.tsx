import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { CreditTemplate } from '../../../shared/article/credits';
import type { Comparable, FieldChange, Revision, RevisionSummary } from '../../../shared/history/revisions';
import { compareContent } from '../../../shared/history/revisions';
import { revealInvisible } from '../../../shared/text/diff';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey, statusKey } from '../i18n/messages';

interface Props {
  api: Api;
  articleId: number;
  /** The text on screen, compared as "the current text". */
  current: () => Comparable;
  template: CreditTemplate;
  /** Saves what is unsaved and gives the version a restore is based on (undefined: not saved). */
  prepare: () => Promise<number | undefined>;
  /** After a restore the article is reloaded from the archive. */
  onRestored: () => void;
}

const context = 60;

/** Long unchanged stretches are shortened around the changes. */
function elide(text: string, first: boolean, last: boolean): string {
  if (text.length <= 2 * context + 20) return text;
  if (first) return `… ${text.slice(-context)}`;
  if (last) return `${text.slice(0, context)} …`;
  return `${text.slice(0, context)} … ${text.slice(-context)}`;
}

function ChangeView({ change }: { change: FieldChange }) {
  const { t } = useI18n();
  return (
    <div className="history-change" data-testid={`change-${change.field}`}>
      <h4>
        {t(`history.field.${change.field}`)}
        {change.invisibleOnly && <span className="history-invisible"> ({t('history.invisibleOnly')})</span>}
      </h4>
      <p className="history-diff">
        {change.parts.map((part, index) =>
          part.op === 'equal' ? (
            <span key={index}>{elide(part.text, index === 0, index === change.parts.length - 1)}</span>
          ) : part.op === 'delete' ? (
            <del key={index}>{revealInvisible(part.text)}</del>
          ) : (
            <ins key={index}>{revealInvisible(part.text)}</ins>
          ),
        )}
      </p>
    </div>
  );
}

/**
 * The article's kept versions: a timeline, a field-by-field comparison of any version with
 * another or with the text on screen, "save version" with a name, and restore (a new version).
 */
export function HistoryPanel({ api, articleId, current, template, prepare, onRestored }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<RevisionSummary[]>();
  const [error, setError] = useState<{ key: 'history.loadFailed' | 'history.failed'; error: ApiError }>();
  const [selected, setSelected] = useState<number>();
  const [against, setAgainst] = useState<number | 'current'>('current');
  const [loaded, setLoaded] = useState<Record<number, Revision>>({});
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [done, setDone] = useState(false);

  // Bumped to read the history again (after keeping a named version).
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void api['articles.history']({ id: articleId }).then((result) => {
      if (!live) return;
      if (result.ok) setRevisions(result.value);
      else setError({ key: 'history.loadFailed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [api, articleId, open, generation]);

  // The versions being compared are fetched whole, once each.
  useEffect(() => {
    const wanted = [selected, against].filter((id): id is number => typeof id === 'number' && !(id in loaded));
    let live = true;
    for (const revisionId of wanted) {
      void api['articles.revision']({ id: articleId, revisionId }).then((result) => {
        if (live && result.ok) setLoaded((map) => ({ ...map, [revisionId]: result.value }));
      });
    }
    return () => {
      live = false;
    };
  }, [api, articleId, selected, against, loaded]);

  const comparable = (id: number | 'current' | undefined): Comparable | undefined => {
    if (id === 'current') return current();
    const revision = id === undefined ? undefined : loaded[id];
    return revision ? { ...revision.content, status: revision.status } : undefined;
  };
  const before = comparable(selected);
  const after = comparable(against);
  const changes = before && after ? compareContent(before, after, template) : undefined;

  const describe = (revision: RevisionSummary): string => {
    const what =
      revision.kind === 'named'
        ? t('history.kind.named', { name: revision.name ?? '' })
        : revision.kind === 'status'
          ? t('history.kind.status', { status: t(statusKey(revision.status)) })
          : t(`history.kind.${revision.kind}`);
    return t('history.entry', {
      version: String(revision.version),
      at: new Date(revision.savedAt).toLocaleString(),
      what,
    });
  };

  const keepNamed = async () => {
    if (name.trim() === '') return;
    if ((await prepare()) === undefined) return;
    const result = await api['articles.saveVersion']({ id: articleId, name });
    if (!result.ok) {
      setError({ key: 'history.failed', error: result.error });
      return;
    }
    setNaming(false);
    setName('');
    setGeneration((n) => n + 1);
  };

  const restore = async () => {
    if (selected === undefined) return;
    const version = await prepare();
    if (version === undefined) return;
    const result = await api['articles.restore']({ id: articleId, baseVersion: version, revisionId: selected });
    if (!result.ok) {
      setError({ key: 'history.failed', error: result.error });
      return;
    }
    setDone(true);
    onRestored();
  };

  return (
    <details className="history-panel" data-testid="history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h3>{t('history.title')}</h3>
      </summary>
      {error && (
        <p className="error" role="alert">
          {t(error.key, { reason: t(errorKey(error.error.code)) })}
        </p>
      )}
      {done && <p role="status">{t('history.restoreDone')}</p>}
      {naming ? (
        <form
          className="history-name"
          onSubmit={(event) => {
            event.preventDefault();
            void keepNamed();
          }}
        >
          <label>
            {t('history.versionName')}
            <input
              data-testid="version-name"
              value={name}
              maxLength={80}
              onChange={(event) => setName(event.target.value)}
              autoFocus
            />
          </label>
          <button type="submit" data-testid="keep-version">
            {t('history.keep')}
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            {t('history.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" data-testid="save-version" onClick={() => setNaming(true)}>
          {t('history.saveVersion')}
        </button>
      )}
      {revisions?.length === 0 && <p>{t('history.empty')}</p>}
      <ol className="history-list" data-testid="history-list">
        {revisions?.map((revision) => (
          <li key={revision.id}>
            <button
              type="button"
              className={revision.id === selected ? 'history-entry selected' : 'history-entry'}
              aria-pressed={revision.id === selected}
              data-testid="history-entry"
              data-kind={revision.kind}
              onClick={() => setSelected(revision.id)}
            >
              {describe(revision)}
              {revision.by && <small>{t('history.by', { by: revision.by })}</small>}
            </button>
          </li>
        ))}
      </ol>
      {selected !== undefined && (
        <div className="history-compare" data-testid="history-compare">
          <label>
            {t('history.compareWith')}
            <select
              data-testid="compare-with"
              value={String(against)}
              onChange={(event) =>
                setAgainst(event.target.value === 'current' ? 'current' : Number(event.target.value))
              }
            >
              <option value="current">{t('history.current')}</option>
              {revisions
                ?.filter((revision) => revision.id !== selected)
                .map((revision) => (
                  <option key={revision.id} value={revision.id}>
                    {describe(revision)}
                  </option>
                ))}
            </select>
          </label>
          {changes?.length === 0 && <p>{t('history.noChanges')}</p>}
          {changes?.map((change) => (
            <ChangeView key={change.field} change={change} />
          ))}
          <button type="button" data-testid="restore-version" onClick={() => void restore()}>
            {t('history.restore')}
          </button>
        </div>
      )}
    </details>
  );
}
