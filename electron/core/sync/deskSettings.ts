import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DeskSettings, PullResponse } from '../../../shared/desk/protocol';
import { deskSettingKeys, deskSettingsSchema, maxPeople } from '../../../shared/desk/protocol';
import type { Person } from '../../../shared/people/person';
import { listPeople, savePerson } from '../archive/peopleStore';
import type { Settings } from '../../../shared/settings/settings';
import { updateSettings } from '../archive/settingsStore';
import { CoreError } from '../CoreError';
import type { DeskClient } from './deskClient';
import type { DeskLink } from './deskLink';
import { readDeskState, writeDeskState } from './deskState';

interface Pending {
  mutationId: string;
  settings: Partial<DeskSettings>;
}

/** The desk-wide keys kept in this laptop's settings (the people registry is a table of its own). */
type SettingKey = Exclude<keyof DeskSettings, 'people'>;
const isDeskKey = (key: string): key is SettingKey => key !== 'people' && (deskSettingKeys as string[]).includes(key);

const readPending = (db: Database): Pending | undefined => {
  const text = readDeskState(db, 'settingsPending');
  return text ? (JSON.parse(text) as Pending) : undefined;
};

/**
 * A settings change on a laptop that has joined a desk: the desk-wide keys are the desk's, so
 * only its admin may change them; the change is saved here and queued for the desk in one
 * transaction (a new mutation id for each change, so a lost answer never hides a later one).
 */
export function updateSettingsOnDesk(db: Database, link: DeskLink | undefined, changes: Partial<Settings>): Settings {
  const deskKeys = Object.keys(changes).filter(isDeskKey);
  if (!link || deskKeys.length === 0) return updateSettings(db, changes);
  if (link.role !== 'admin')
    throw new CoreError(
      'desk_settings_admin',
      `These settings are the desk's (${deskKeys.join(', ')}): only its admin changes them.`,
    );
  return db
    .transaction(() => {
      const settings = updateSettings(db, changes);
      queue(db, Object.fromEntries(deskKeys.map((key) => [key, settings[key]])));
      return settings;
    })
    .immediate();
}

/** Queues desk-wide values for the next round, over any queued before (a new mutation id each time). */
function queue(db: Database, fresh: Partial<DeskSettings>): void {
  const queued = readPending(db)?.settings ?? {};
  const pending: Pending = { mutationId: randomUUID(), settings: { ...queued, ...fresh } };
  writeDeskState(db, 'settingsPending', JSON.stringify(pending));
}

/**
 * A person's display form or unit set on a laptop: on a desk, the registry is the desk's, so
 * its admin's change goes to the desk (the registry whole, as one setting) and anyone else is
 * told it is the desk's. Names added by use (a contributor, a photo's creator) stay local.
 */
export function savePersonOnDesk(db: Database, link: DeskLink | undefined, person: Person): Person {
  if (!link) return savePerson(db, person);
  if (link.role !== 'admin')
    throw new CoreError('desk_settings_admin', "The people registry is the desk's: only its admin changes it.");
  return db
    .transaction(() => {
      const saved = savePerson(db, person);
      queue(db, { people: listPeople(db).slice(0, maxPeople) });
      return saved;
    })
    .immediate();
}

/** Sends the queued settings change, if any; cleared once the desk has answered it. */
export async function pushSettings(db: Database, client: DeskClient): Promise<void> {
  const pending = readPending(db);
  if (!pending) return;
  await client.pushSettings({
    mutationId: pending.mutationId,
    baseVersion: Number(readDeskState(db, 'settingsVersion') ?? '0'),
    settings: pending.settings,
  });
  // Answered (applied, or refused and then set right by the pull): done, unless changed meanwhile.
  if (readPending(db)?.mutationId === pending.mutationId) writeDeskState(db, 'settingsPending', '');
}

/**
 * The desk's settings from a pulled page, over this laptop's; its own (who works here) stay.
 * The desk's people take their display form and unit from it; names known only here stay.
 */
export function applyPulledSettings(db: Database, page: PullResponse): void {
  if (!page.settings) return;
  const parsed = deskSettingsSchema.partial().safeParse(page.settings.values);
  if (parsed.success) {
    const { people, ...settings } = parsed.data;
    updateSettings(db, settings);
    for (const person of people ?? []) savePerson(db, person);
  }
  writeDeskState(db, 'settingsVersion', String(page.settings.version));
}
