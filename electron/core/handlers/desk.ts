import { hostname } from 'node:os';
import type { DeskStatus } from '../../../shared/desk/status';
import { deskClient } from '../sync/deskClient';
import { readDeskState } from '../sync/deskState';
import { forgetDeskLink, readDeskLink, writeDeskLink } from '../sync/deskLink';
import { waitingCount } from '../sync/syncRound';
import type { CoreContext, HandlersOf } from './context';

export const deskHandlers = ({ db, dataDir, sync }: CoreContext) => {
  const status = (): DeskStatus => {
    const link = readDeskLink(dataDir());
    if (!link) return { joined: false };
    const refusals = db
      .prepare<[], { article_id: number; rule: string; message: string; at: string }>(
        'SELECT article_id, rule, message, at FROM desk_refusals ORDER BY id DESC LIMIT 20',
      )
      .all()
      .map((row) => ({ articleId: row.article_id, rule: row.rule, message: row.message, at: row.at }));
    const lastSyncedAt = readDeskState(db, 'lastSyncedAt') ?? null;
    return {
      joined: true,
      url: link.url,
      user: link.user,
      role: link.role,
      waiting: waitingCount(db),
      lastSyncedAt,
      connection: sync().connection(),
      refusals,
    };
  };
  return {
    'desk.status': status,
    'desk.join': async ({ url, user, password }) => {
      const joined = await deskClient(url).join(user, password, `Newsroom on ${hostname()}`.slice(0, 100));
      writeDeskLink(dataDir(), {
        url: new URL(url).origin,
        token: joined.token,
        user: joined.user,
        role: joined.role,
        deviceId: joined.deviceId,
      });
      sync().linkChanged();
      return status();
    },
    'desk.sync': () => sync().round(),
    'desk.leave': () => {
      forgetDeskLink(dataDir());
      sync().linkChanged();
      return status();
    },
  } satisfies HandlersOf<'desk.status' | 'desk.join' | 'desk.sync' | 'desk.leave'>;
};
