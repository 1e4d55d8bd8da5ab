import { afterAll } from 'vitest';
import type { RunningDesk } from '../../server/startDesk';
import { startDesk } from '../../server/startDesk';
import { addUser } from '../../server/store/users';
import { clusterForTests } from '../../server/testing/deskDatabase';
import { testCore } from './testCore';
import type { TestCore } from './testCore';

/** The test desk's two standing users: a reporter and an editor. */
export const reporterLogin = { user: 'minhtuan', password: 'mật khẩu phóng viên' } as const;
export const editorLogin = { user: 'bientap', password: 'mật khẩu biên tập' } as const;

/** A desk server on a PostgreSQL cluster of the test file's own, with its reporter and editor; closed after. */
export async function deskForTests(): Promise<RunningDesk> {
  const cluster = await clusterForTests();
  const desk = await startDesk({ database: await cluster.database(), port: 0 });
  afterAll(() => desk.close());
  await addUser(desk.pool, reporterLogin.user, 'reporter', reporterLogin.password);
  await addUser(desk.pool, editorLogin.user, 'editor', editorLogin.password);
  return desk;
}

/** A laptop (a core on an archive of its own) joined to the desk at `url`. */
export async function joinedLaptop(url: string, login: { user: string; password: string }): Promise<TestCore> {
  const core = testCore();
  await core.call('desk.join', { url, ...login });
  return core;
}

/** An article's id in a laptop's archive from its id on the desk, and back. */
export const localId = (core: TestCore, global: string): number =>
  core.db
    .prepare<[string], { article_id: number }>('SELECT article_id FROM desk_articles WHERE global_id = ?')
    .get(global)?.article_id ?? 0;
export const globalId = (core: TestCore, id: number): string =>
  core.db.prepare<[number], { global_id: string }>('SELECT global_id FROM desk_articles WHERE article_id = ?').get(id)
    ?.global_id ?? '';
