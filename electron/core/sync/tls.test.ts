import { request } from 'node:https';
import { generate } from 'selfsigned';
import { afterAll, expect, it } from 'vitest';
import { startDesk } from '../../../server/startDesk';
import { clusterForTests } from '../../../server/testing/deskDatabase';
import { testCore } from '../../testing/testCore';

const cluster = await clusterForTests();
// A certificate of the desk's own, which no system trusts.
const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
  notAfterDate: new Date(Date.now() + 86_400_000),
  keySize: 2048,
  extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
});
const desk = await startDesk({
  database: await cluster.database(),
  port: 0,
  tls: { cert: pems.cert, key: pems.private },
});
afterAll(() => desk.close());

it('a desk over HTTPS answers a client that trusts its certificate, and a laptop that does not is told so', async () => {
  expect(desk.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const status = await new Promise<number>((resolve, reject) => {
    const asked = request(`${desk.url}/api/me`, { ca: pems.cert }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    asked.on('error', reject);
    asked.end();
  });
  expect(status).toBe(401);
  const laptop = testCore();
  expect(await laptop.result('desk.join', { url: desk.url, user: 'minhtuan', password: 'mật khẩu dài' })).toMatchObject(
    {
      ok: false,
      error: { code: 'desk_certificate' },
    },
  );
});
