import { useState } from 'react';
import type { Api } from '../../shared/api/contract';
import { defaultCreditTemplates } from '../../shared/article/credits';
import type { Settings } from '../../shared/settings/settings';

type CreditStyle = keyof typeof defaultCreditTemplates;

const styleOf = (settings: Settings): CreditStyle =>
  (Object.keys(defaultCreditTemplates) as CreditStyle[]).find((style) => JSON.stringify(defaultCreditTemplates[style]) === JSON.stringify(settings.creditTemplate)) ?? 'vi';
import { useI18n } from './i18n/I18nProvider';
import { PeopleEditor } from './people/PeopleEditor';

const formatCodes = (codes: Settings['captionCodes']): string => codes.map((entry) => `${entry.code} = ${entry.expansion}`).join('\n');

/** "#code = expansion" a line; lines that are not are left out (the server validates the rest). */
const parseCodes = (text: string): Settings['captionCodes'] =>
  text
    .split('\n')
    .map((line) => /^\s*(#[\p{L}\p{N}_-]{1,30})\s*=\s*(.+?)\s*$/u.exec(line))
    .flatMap((match) => (match?.[1] && match[2] ? [{ code: match[1], expansion: match[2] }] : []));

/** The newsroom's shared settings: who is working (recorded with status changes) and the outlet prefix. */
export function SettingsPanel({ api, settings, onSaved }: { api: Api; settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [userName, setUserName] = useState(settings.userName);
  const [outletPrefix, setOutletPrefix] = useState(settings.outletPrefix);
  const [creditStyle, setCreditStyle] = useState<CreditStyle>(styleOf(settings));
  const [codes, setCodes] = useState(formatCodes(settings.captionCodes));
  const [failed, setFailed] = useState(false);
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
        void api['settings.update']({ userName, outletPrefix, creditTemplate: defaultCreditTemplates[creditStyle], captionCodes: parseCodes(codes) }).then((result) => {
          setFailed(!result.ok);
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
        <input data-testid="setting-prefix" value={outletPrefix} onChange={(event) => setOutletPrefix(event.target.value)} />
      </label>
      <label>
        {t('settings.creditStyle')}
        <select data-testid="setting-credit-style" value={creditStyle} onChange={(event) => setCreditStyle(event.target.value as CreditStyle)}>
          <option value="vi">Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN</option>
          <option value="en">Report, photos: NGUYEN KHOI - MINH TUAN</option>
        </select>
      </label>
      <label className="settings-codes">
        {t('settings.captionCodes')}
        <textarea data-testid="setting-caption-codes" rows={3} value={codes} placeholder="#nmh = Trung tướng Nguyễn Mạnh Hùng, Chính ủy Tổng cục" onChange={(event) => setCodes(event.target.value)} />
      </label>
      <PeopleEditor api={api} />
      <button type="submit" className="primary" data-testid="save-settings">
        {t('settings.save')}
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        {t('toolbar.cancel')}
      </button>
      {failed && (
        <span className="error" role="alert">
          {t('settings.failed')}
        </span>
      )}
    </form>
  );
}
