import { hostname } from 'node:os';
import type { DeskStatus } from '../../../shared/desk/status';
import { CoreError } from '../CoreError';
import { deskClient } from '../sync/deskClient';
import { readDeskState, writeDeskState } from '../sync/deskState';
import { forgetDeskLink, readDeskLink, writeDeskLink } from '../sync/deskLink';
import { syncRound, waitingCount } from '../sync/syncRound';
import type { CoreContext, HandlersOf } from './context';

export const deskHandlers = ({ db, dataDir }: CoreContext) => {
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
      return status();
    },
    'desk.sync': async () => {
      const link = readDeskLink(dataDir());
      if (!link) throw new CoreError('desk_not_joined', 'This laptop has not joined a desk: join one first.');
      const report = await syncRound(db, deskClient(link.url, link.token));
      writeDeskState(db, 'lastSyncedAt', new Date().toISOString());
      return report;
    },
    'desk.leave': () => {
      forgetDeskLink(dataDir());
      return status();
    },
  } satisfies HandlersOf<'desk.status' | 'desk.join' | 'desk.sync' | 'desk.leave'>;
};
