import { useState } from 'react';
import type { Api } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import { defaultCreditTemplates } from '../../shared/article/credits';
import { copyDeskRules } from '../../shared/copydesk/checks';
import type { ExportSettings, Settings } from '../../shared/settings/settings';
import { useI18n } from './i18n/I18nProvider';
import { PeopleEditor } from './people/PeopleEditor';

type CreditStyle = keyof typeof defaultCreditTemplates;

const styleOf = (settings: Settings): CreditStyle =>
  (Object.keys(defaultCreditTemplates) as CreditStyle[]).find(
    (style) => JSON.stringify(defaultCreditTemplates[style]) === JSON.stringify(settings.creditTemplate),
  ) ?? 'vi';

const formatCodes = (codes: Settings['captionCodes']): string =>
  codes.map((entry) => `${entry.code} = ${entry.expansion}`).join('\n');

/** "#code = expansion" a line; lines that are not are left out (the server validates the rest). */
const parseCodes = (text: string): Settings['captionCodes'] =>
  text
    .split('\n')
    .map((line) => /^\s*(#[\p{L}\p{N}_-]{1,30})\s*=\s*(.+?)\s*$/u.exec(line))
    .flatMap((match) => (match?.[1] && match[2] ? [{ code: match[1], expansion: match[2] }] : []));

/** The newsroom's shared settings: who is working (recorded with status changes) and the outlet prefix. */
export function SettingsPanel({
  api,
  settings,
  onSaved,
}: {
  api: Api;
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [userName, setUserName] = useState(settings.userName);
  const [outletPrefix, setOutletPrefix] = useState(settings.outletPrefix);
  const [creditStyle, setCreditStyle] = useState<CreditStyle>(styleOf(settings));
  const [codes, setCodes] = useState(formatCodes(settings.captionCodes));
  const [exporting, setExporting] = useState<ExportSettings>(settings.export);
  const [failed, setFailed] = useState<ApiError>();
  const setExport = (changes: Partial<ExportSettings>) => setExporting((current) => ({ ...current, ...changes }));
  if (!open) {
    return (
      <button
        type="button"
        className="secondary"
        data-testid="open-settings"
        onClick={() => {
          setUserName(settings.userName);
          setOutletPrefix(settings.outletPrefix);
          setCreditStyle(styleOf(settings));
          setCodes(formatCodes(settings.captionCodes));
          setExporting(settings.export);
          setFailed(undefined);
          setOpen(true);
        }}
      >
        {t('settings.open')}
      </button>
    );
  }
  return (
    <form
      className="settings-panel"
      data-testid="settings"
      onSubmit={(event) => {
        event.preventDefault();
        void api['settings.update']({
          userName,
          outletPrefix,
          creditTemplate: defaultCreditTemplates[creditStyle],
          captionCodes: parseCodes(codes),
          export: exporting,
        }).then((result) => {
          setFailed(result.ok ? undefined : result.error);
          if (result.ok) {
            onSaved(result.value);
            setOpen(false);
          }
        });
      }}
    >
      <label>
        {t('settings.userName')}
        <input data-testid="setting-user" value={userName} onChange={(event) => setUserName(event.target.value)} />
      </label>
      <label>
        {t('settings.outletPrefix')}
        <input
          data-testid="setting-prefix"
          value={outletPrefix}
          onChange={(event) => setOutletPrefix(event.target.value)}
        />
      </label>
      <label>
        {t('settings.creditStyle')}
        <select
          data-testid="setting-credit-style"
          value={creditStyle}
          onChange={(event) => setCreditStyle(event.target.value as CreditStyle)}
        >
          <option value="vi">Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN</option>
          <option value="en">Report, photos: NGUYEN KHOI - MINH TUAN</option>
        </select>
      </label>
      <label className="settings-codes">
        {t('settings.captionCodes')}
        <textarea
          data-testid="setting-caption-codes"
          rows={3}
          value={codes}
          placeholder="#nmh = Trung tướng Nguyễn Mạnh Hùng, Chính ủy Tổng cục"
          onChange={(event) => setCodes(event.target.value)}
        />
      </label>
      <fieldset className="settings-export" data-testid="settings-export">
        <legend>{t('settings.export')}</legend>
        <label>
          {t('settings.siteUrl')}
          <input
            data-testid="setting-site-url"
            type="url"
            placeholder="https://qdnd.vn/"
            value={exporting.siteUrl}
            onChange={(event) => setExport({ siteUrl: event.target.value })}
          />
        </label>
        <label>
          {t('settings.publisher')}
          <input
            data-testid="setting-publisher"
            value={exporting.publisher}
            onChange={(event) => setExport({ publisher: event.target.value })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="setting-photo-credit"
            checked={exporting.photoCredit}
            onChange={(event) => setExport({ photoCredit: event.target.checked })}
          />{' '}
          {t('settings.photoCredit')}
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="setting-comment-form"
            checked={exporting.commentForm.enabled}
            onChange={(event) =>
              setExport({ commentForm: { ...exporting.commentForm, enabled: event.target.checked } })
            }
          />{' '}
          {t('settings.commentForm')}
        </label>
        {exporting.commentForm.enabled && (
          <label>
            {t('settings.commentAction')}
            <input
              data-testid="setting-comment-action"
              type="url"
              required
              placeholder="https://qdnd.vn/binh-luan"
              value={exporting.commentForm.action}
              onChange={(event) => setExport({ commentForm: { ...exporting.commentForm, action: event.target.value } })}
            />
          </label>
        )}
        <p>{t('settings.blockingRules')}</p>
        <ul className="settings-rules">
          {copyDeskRules.map((rule) => (
            <li key={rule}>
              <label>
                <input
                  type="checkbox"
                  data-testid={`setting-blocking-${rule}`}
                  checked={exporting.blockingRules.includes(rule)}
                  onChange={(event) =>
                    setExport({
                      blockingRules: event.target.checked
                        ? [...exporting.blockingRules, rule]
                        : exporting.blockingRules.filter((other) => other !== rule),
                    })
                  }
                />{' '}
                {t(`rule.${rule}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <PeopleEditor api={api} />
      <button type="submit" className="primary" data-testid="save-settings">
        {t('settings.save')}
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        {t('toolbar.cancel')}
      </button>
      {failed && (
        <span className="error" role="alert">
          {t('settings.failed')} {failed.message}
        </span>
      )}
    </form>
  );
}
