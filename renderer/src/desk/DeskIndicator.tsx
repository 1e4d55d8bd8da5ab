import type { DeskStatus } from '../../../shared/desk/status';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { refusalKey } from './deskWords';

/** A refusal counts as news for this long; after that it stays listed in the desk dialog only. */
const recentMs = 60 * 60 * 1000;

type State = 'synced' | 'waiting' | 'offline' | 'signed-out' | 'refused' | 'syncing';

function stateOf(status: Extract<DeskStatus, { joined: true }>, now: number): State {
  const { connection } = status;
  if (connection.error?.code === 'desk_signed_out') return 'signed-out';
  if (connection.error) return 'offline';
  if (status.refusals.some((refusal) => now - Date.parse(refusal.at) < recentMs)) return 'refused';
  if (connection.syncing) return 'syncing';
  return status.waiting > 0 ? 'waiting' : 'synced';
}

const texts: Record<State, MessageKey> = {
  synced: 'desk.synced',
  waiting: 'desk.waiting',
  offline: 'desk.offline',
  'signed-out': 'desk.signedOut',
  refused: 'desk.refused',
  syncing: 'desk.syncing',
};

/** Beside "saved on this laptop": where the desk stands. Nothing when this laptop is on no desk. */
export function DeskIndicator({ status, now }: { status: DeskStatus | undefined; now: number }) {
  const { t, language } = useI18n();
  if (!status?.joined) return null;
  const state = stateOf(status, now);
  const recent = status.refusals.filter((refusal) => now - Date.parse(refusal.at) < recentMs);
  const last = status.lastSyncedAt
    ? t('desk.lastSynced', {
        time: new Date(status.lastSyncedAt).toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB', {
          hour: '2-digit',
          minute: '2-digit',
        }),
      })
    : t('desk.neverSynced');
  const detail =
    state === 'refused'
      ? recent.map((refusal) => t(refusalKey(refusal.rule))).join(' ')
      : state === 'waiting' || state === 'offline'
        ? `${t('desk.waiting', { count: String(status.waiting) })}. ${last}`
        : last;
  return (
    <output
      className={`desk-status desk-${state}`}
      data-testid="desk-status"
      data-state={state}
      aria-live="polite"
      title={detail}
    >
      {t(texts[state], { count: String(state === 'refused' ? recent.length : status.waiting) })}
    </output>
  );
}
