import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { DeskConflict } from '../../../shared/desk/status';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';
import type { MessageKey } from '../i18n/messages';

interface Props {
  api: Api;
  articleId: number;
  /** Bumped whenever the article was loaded again. */
  generation: number;
  /** Saves what is typed first; false when it could not be saved. */
  flush: () => Promise<boolean>;
  /** The choice was saved: load the article again. */
  onResolved: () => void;
}

const fieldKeys: Record<string, MessageKey> = {
  headline: 'deskConflict.field.headline',
  lead: 'deskConflict.field.lead',
  body: 'deskConflict.field.body',
};

/**
 * Two people changed the same words: the banner names them, shows each clashing passage in
 * both texts side by side, and saves the text chosen for each as a new version. The other
 * stays in the history under its author's name; nothing typed is lost either way.
 */
export function DeskConflictBanner({ api, articleId, generation, flush, onResolved }: Props) {
  const { t } = useI18n();
  const [conflict, setConflict] = useState<DeskConflict | null>(null);
  const [useKept, setUseKept] = useState<boolean[]>([]);
  const [failed, setFailed] = useState<ApiError>();
  useEffect(() => {
    let live = true;
    void api['desk.conflict']({ id: articleId }).then((result) => {
      if (!live || !result.ok) return;
      setConflict(result.value.conflict);
      setUseKept(result.value.conflict?.passages.map(() => false) ?? []);
    });
    return () => {
      live = false;
    };
  }, [api, articleId, generation]);
  if (!conflict) return null;
  const apply = async () => {
    setFailed(undefined);
    if (!(await flush())) return;
    const result = await api['desk.resolve']({ id: articleId, version: conflict.version, useKept });
    if (!result.ok) return setFailed(result.error);
    setConflict(null);
    onResolved();
  };
  return (
    <section className="conflict desk-conflict" role="alert" data-testid="desk-conflict">
      <p>{t('deskConflict.title', { authors: conflict.authors.join(', ') })}</p>
      {conflict.passages.map((passage, index) => (
        <fieldset key={index} className="desk-conflict-passage" data-testid="desk-conflict-passage">
          <legend>{fieldKeys[passage.field] ? t(fieldKeys[passage.field]!) : passage.field}</legend>
          {(['current', 'kept'] as const).map((side) => (
            <label key={side} className={`desk-conflict-side desk-conflict-${side}`}>
              <input
                type="radio"
                name={`passage-${index}`}
                data-testid={`desk-conflict-${side}`}
                checked={useKept[index] === (side === 'kept')}
                onChange={() => setUseKept((list) => list.map((value, at) => (at === index ? side === 'kept' : value)))}
              />
              <strong>{t(side === 'current' ? 'deskConflict.current' : 'deskConflict.kept')}</strong>
              {passage[side].map((line, at) => (
                <span key={at} className="desk-conflict-line">
                  {line}
                </span>
              ))}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="button" className="primary" data-testid="desk-conflict-apply" onClick={() => void apply()}>
        {t('deskConflict.apply')}
      </button>
      {failed && <p className="error">{t(errorKey(failed.code))}</p>}
    </section>
  );
}
