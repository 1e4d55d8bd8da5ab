import { hostname } from 'node:os';
import type { DeskCheckout } from '../../../shared/desk/protocol';
import type { DeskEditor, DeskStatus } from '../../../shared/desk/status';
import { articleConflict, resolveArticleConflict } from '../sync/conflicts';
import { deskClient } from '../sync/deskClient';
import { deskNews, markNewsSeen } from '../sync/deskNews';
import { readDeskState } from '../sync/deskState';
import { forgetDeskLink, readDeskLink, requireDeskLink, writeDeskLink } from '../sync/deskLink';
import { waitingCount } from '../sync/syncRound';
import type { CoreContext, HandlersOf } from './context';

export const deskHandlers = ({ db, dataDir, sync, actor }: CoreContext) => {
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
      receivedAt: readDeskState(db, 'receivedAt') ?? null,
      connection: sync().connection(),
      refusals,
    };
  };
  const linked = () => {
    const link = requireDeskLink(dataDir());
    return deskClient(link.url, link.token);
  };
  const onDesk = db.prepare<[number], { global_id: string }>(
    'SELECT global_id FROM desk_articles WHERE article_id = ? AND desk_version > 0',
  );
  const here = db.prepare<[string], { article_id: number }>('SELECT article_id FROM desk_articles WHERE global_id = ?');
  const asEditors = (marks: readonly DeskCheckout[]): DeskEditor[] =>
    marks.flatMap((mark) => {
      const id = here.get(mark.articleId)?.article_id;
      return id === undefined ? [] : [{ id, user: mark.user, until: mark.until }];
    });
  return {
    'desk.status': status,
    'desk.editing': async ({ id, editing }) => {
      const client = linked();
      // Not on the desk yet (never sent): nobody else can have it open.
      const global = onDesk.get(id)?.global_id;
      return global === undefined ? [] : asEditors(await client.checkOut(global, editing));
    },
    'desk.editors': async () => asEditors(await linked().checkouts()),
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
    'desk.news': () => deskNews(db),
    'desk.newsSeen': () => {
      markNewsSeen(db);
      return deskNews(db);
    },
    'desk.conflict': ({ id }) => ({ conflict: articleConflict(db, id) }),
    'desk.resolve': ({ id, version, useKept }) => resolveArticleConflict(db, id, version, useKept, actor()),
    'desk.leave': () => {
      forgetDeskLink(dataDir());
      sync().linkChanged();
      return status();
    },
  } satisfies HandlersOf<
    | 'desk.status'
    | 'desk.join'
    | 'desk.sync'
    | 'desk.leave'
    | 'desk.editing'
    | 'desk.editors'
    | 'desk.conflict'
    | 'desk.resolve'
    | 'desk.news'
    | 'desk.newsSeen'
  >;
};
