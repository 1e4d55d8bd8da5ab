import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { JoinResponse, PullResponse, PushOutcome } from '../../shared/desk/protocol';
import type { RunningDesk } from '../startDesk';
import { startDesk } from '../startDesk';
import { clusterForTests } from '../testing/deskDatabase';
import { addUser, disableUser } from '../store/users';

const cluster = await clusterForTests();
const database = await cluster.database();
const desks: RunningDesk[] = [];
const open = async () => {
  const desk = await startDesk({ database, port: 0 });
  desks.push(desk);
  return desk;
};
const first = await open();
const second = await open();
afterAll(async () => Promise.all(desks.map((desk) => desk.close())));
await addUser(first.pool, 'minhtuan', 'reporter', 'mật khẩu dài');
await addUser(first.pool, 'bientap', 'editor', 'mật khẩu biên tập');

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function call<T>(desk: RunningDesk, path: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${desk.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  return { status: response.status, envelope: (await response.json()) as Envelope<T> };
}
const join = async (desk: RunningDesk, user: string, password: string) => {
  const { envelope } = await call<JoinResponse>(desk, '/api/join', { body: { user, password, device: 'Laptop' } });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value.token;
};

describe('the desk over HTTP', () => {
  it('joins a device with a password and refuses a wrong one, then throttles guessing', async () => {
    const joined = await call<JoinResponse>(first, '/api/join', {
      body: { user: 'MinhTuan', password: 'mật khẩu dài', device: 'Laptop của Tuấn' },
    });
    expect(joined.envelope).toMatchObject({ ok: true, value: { user: 'minhtuan', role: 'reporter' } });
    const wrong = await call(first, '/api/join', { body: { user: 'bientap', password: 'sai', device: 'x' } });
    expect(wrong).toMatchObject({ status: 401, envelope: { ok: false, error: { code: 'wrong_password' } } });
    for (let n = 0; n < 10; n += 1)
      await call(first, '/api/join', { body: { user: 'nobody', password: 'sai', device: 'x' } });
    const throttled = await call(first, '/api/join', { body: { user: 'nobody', password: 'sai', device: 'x' } });
    expect(throttled.status).toBe(429);
    const rows = await first.pool.query<{ token_hash: Buffer }>('SELECT token_hash FROM devices');
    const token = joined.envelope.ok ? joined.envelope.value.token : '';
    // Passwords as argon2id hashes; of each token, a hash, never the token.
    const users = await first.pool.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(users.rows.every((row) => /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/.test(row.password_hash))).toBe(true);
    expect(rows.rows.every((row) => !row.token_hash.toString('utf8').includes(token))).toBe(true);
    expect(rows.rows.every((row) => row.token_hash.length === 32)).toBe(true);
  });

  it('refuses calls without a valid token, malformed pushes, and a disabled user’s device', async () => {
    expect((await call(first, '/api/pull')).status).toBe(401);
    expect((await call(first, '/api/pull', { token: 'x'.repeat(40) })).status).toBe(401);
    await addUser(first.pool, 'tammy', 'reporter', 'mật khẩu tạm');
    const token = await join(first, 'tammy', 'mật khẩu tạm');
    const bad = await call(first, '/api/push', { token, body: { mutations: [{ kind: 'article.save' }] } });
    expect(bad).toMatchObject({ status: 400, envelope: { ok: false, error: { code: 'validation' } } });
    expect((await call(first, '/api/push', { token, body: '{not json' })).status).toBe(400);
    await disableUser(first.pool, 'tammy');
    expect((await call(first, '/api/me', { token })).status).toBe(401);
  });

  it('a save pushed to one server is announced by the other and pulled from it (they keep no state)', async () => {
    const reporter = await join(first, 'minhtuan', 'mật khẩu dài');
    const editor = await join(second, 'bientap', 'mật khẩu biên tập');
    const start = await call<PullResponse>(second, '/api/pull', { token: editor });
    const cursor = start.envelope.ok ? start.envelope.value.cursor : 0;
    const events = await fetch(`${second.url}/api/events`, { headers: { Authorization: `Bearer ${editor}` } });
    const reader = events.body!.getReader();
    const id = randomUUID();
    const pushed = await call<{ outcomes: PushOutcome[] }>(first, '/api/push', {
      token: reporter,
      body: {
        mutations: [
          {
            kind: 'article.save',
            mutationId: randomUUID(),
            articleId: id,
            baseVersion: 0,
            fields: { headline: 'Hội nghị tổng kết công tác Đảng' },
          },
        ],
      },
    });
    expect(pushed.envelope).toMatchObject({ ok: true, value: { outcomes: [{ outcome: 'applied', version: 1 }] } });
    let text = '';
    while (!text.includes('event: change')) {
      const chunk = (await reader.read()) as { value?: Uint8Array };
      text += new TextDecoder().decode(chunk.value);
    }
    await reader.cancel();
    const pulled = await call<PullResponse>(second, `/api/pull?after=${cursor}`, { token: editor });
    expect(pulled.envelope).toMatchObject({
      ok: true,
      value: {
        changes: [{ article: { id, author: 'minhtuan', content: { headline: 'Hội nghị tổng kết công tác Đảng' } } }],
      },
    });
  });

  it('PostgreSQL stopped at once and started again: the desk answers again and events resume', async () => {
    const reporter = await join(first, 'minhtuan', 'mật khẩu dài');
    const events = await fetch(`${first.url}/api/events`, { headers: { Authorization: `Bearer ${reporter}` } });
    const reader = events.body!.getReader();
    cluster.crash();
    cluster.start();
    const body = (headline: string) => ({
      mutations: [
        {
          kind: 'article.save',
          mutationId: randomUUID(),
          articleId: randomUUID(),
          baseVersion: 0,
          fields: { headline },
        },
      ],
    });
    // Connections the restart cut fail once each; the laptop sends again (same mutation id), as its outbox does.
    let status = 0;
    const mutation = body('Sau khi khởi động lại');
    for (let attempt = 0; attempt < 40 && status !== 200; attempt += 1) {
      status = (await call(first, '/api/push', { token: reporter, body: mutation })).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    let text = '';
    while (!text.includes('event: change')) {
      const chunk = (await reader.read()) as { value?: Uint8Array };
      text += new TextDecoder().decode(chunk.value);
    }
    await reader.cancel();
    const rows = await first.pool.query(
      `SELECT count(*)::int AS n FROM article_documents WHERE content->>'headline' = $1`,
      ['Sau khi khởi động lại'],
    );
    expect(rows.rows).toEqual([{ n: 1 }]);
  });
});
