import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startCluster } from './postgres';

const cluster = await startCluster();
afterAll(() => cluster.stop());

it('starts a PostgreSQL cluster of its own, survives an immediate stop, and answers again', async () => {
  const url = await cluster.database();
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ value: string }>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  const [version] = await query(`SELECT current_setting('server_version_num') AS value`);
  expect(Number(version?.value)).toBeGreaterThanOrEqual(150000);
  await query('CREATE TABLE t (v text); INSERT INTO t VALUES ($$Đường Trường Sơn$$)');
  cluster.crash();
  cluster.start();
  expect(await query('SELECT v AS value FROM t')).toEqual([{ value: 'Đường Trường Sơn' }]);
});
