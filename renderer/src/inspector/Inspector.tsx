import { useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { ArticleContent, ArticleStatus } from '../../../shared/article/article';
import { articleKinds, creditLine } from '../../../shared/article/credits';
import type { StatusChange } from '../../../shared/article/workflow';
import type { Settings } from '../../../shared/settings/settings';
import { slugify } from '../../../shared/text/fold';
import { useI18n } from '../i18n/I18nProvider';
import { usePeople } from '../people/People';
import type { Finding } from '../../../shared/copydesk/checks';
import { ContributorsEditor } from './ContributorsEditor';
import { CopyDeskPanel } from './CopyDeskPanel';
import { CountsPanel } from './CountsPanel';
import { NotesPanel } from './NotesPanel';
import { StatusPanel } from './StatusPanel';
import type { TextStore } from './textStore';

export type ArticleMeta = Omit<ArticleContent, 'headline' | 'lead' | 'body'>;

interface Props {
  meta: ArticleMeta;
  findings: readonly Finding[];
  onFix: (finding: Finding) => void;
  onToneStyle: () => void;
  anchoredNotes: ReadonlySet<string>;
  onMeta: (changes: Partial<ArticleMeta>) => void;
  settings: Settings;
  status: ArticleStatus;
  history: StatusChange[];
  onMove: (to: ArticleStatus) => void;
  text: TextStore;
  /** The history panel (versions, comparison, restore). */
  versions: ReactNode;
}

const parseTags = (value: string): string[] =>
  value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag, index, all) => tag.length > 0 && all.indexOf(tag) === index);

export function Inspector({
  meta,
  findings,
  onFix,
  onToneStyle,
  anchoredNotes,
  onMeta,
  settings,
  status,
  history,
  onMove,
  text,
  versions,
}: Props) {
  const { t } = useI18n();
  // Only the headline (for the slug): the counts panel alone re-renders as the counts change.
  const headline = useSyncExternalStore(text.subscribe, () => text.get().headline);
  const { display } = usePeople();
  const credit = creditLine(
    meta.contributors.filter((contributor) => contributor.name.trim() !== ''),
    meta.kind,
    settings.creditTemplate,
    display,
  );
  return (
    <aside className="inspector" aria-label={t('inspector.label')} data-testid="inspector">
      <section>
        <h3>{t('inspector.status')}</h3>
        <StatusPanel status={status} history={history} onMove={onMove} />
      </section>
      <section>{versions}</section>
      <section>
        <h3>{t('inspector.story')}</h3>
        <label>
          {t('inspector.kind')}
          <select
            data-testid="kind"
            value={meta.kind}
            onChange={(event) => onMeta({ kind: event.target.value as ArticleMeta['kind'] })}
          >
            {articleKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inspector.section')}
          <input
            data-testid="section"
            value={meta.section}
            onChange={(event) => onMeta({ section: event.target.value })}
          />
        </label>
        <label>
          {t('inspector.tags')}
          <input
            data-testid="tags"
            defaultValue={meta.tags.join(', ')}
            onBlur={(event) => onMeta({ tags: parseTags(event.target.value) })}
          />
        </label>
        <label>
          {t('inspector.slug')}
          <input
            data-testid="slug"
            value={meta.slug ?? slugify(headline)}
            onChange={(event) => onMeta({ slug: slugify(event.target.value) || null })}
            aria-describedby="slug-help"
          />
        </label>
        <small id="slug-help">{meta.slug === null ? t('inspector.slugAuto') : t('inspector.slugCustom')}</small>
        <label>
          {t('inspector.outletPrefix')}
          <input
            data-testid="outlet-prefix-input"
            placeholder={settings.outletPrefix}
            value={meta.outletPrefix ?? ''}
            onChange={(event) => onMeta({ outletPrefix: event.target.value === '' ? null : event.target.value })}
          />
        </label>
        <label>
          {t('inspector.target')}
          <input
            type="number"
            min={1}
            data-testid="target-words"
            value={meta.targetWords ?? ''}
            onChange={(event) =>
              onMeta({
                targetWords: event.target.value === '' ? null : Math.max(1, Math.round(Number(event.target.value))),
              })
            }
          />
        </label>
      </section>
      <section>
        <h3>{t('inspector.contributors')}</h3>
        <ContributorsEditor contributors={meta.contributors} onChange={(contributors) => onMeta({ contributors })} />
        <p className="credit-preview" data-testid="credit-line">
          {credit || t('inspector.noCredit')}
        </p>
      </section>
      <section>
        <h3>{t('inspector.copydesk')}</h3>
        <CopyDeskPanel findings={findings} onFix={onFix} />
        <button type="button" className="link-button" data-testid="apply-tone-style" onClick={onToneStyle}>
          {t('copydesk.toneStyle', { example: settings.copyDesk.toneStyle === 'òa' ? 'hòa, thủy' : 'hoà, thuỷ' })}
        </button>
      </section>
      <section>
        <h3>{t('inspector.counts')}</h3>
        <CountsPanel store={text} targetWords={meta.targetWords} />
      </section>
      <section>
        <h3>{t('inspector.notes')}</h3>
        <NotesPanel
          notes={meta.notes}
          anchored={anchoredNotes}
          author={settings.userName}
          onChange={(notes) => onMeta({ notes })}
        />
      </section>
    </aside>
  );
}
