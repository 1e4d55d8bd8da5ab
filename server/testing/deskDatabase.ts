import pg from 'pg';
import { afterAll } from 'vitest';
import { migrate } from '../db/migrate';
import type { TestCluster } from './postgres';
import { startCluster } from './postgres';

/** One real PostgreSQL cluster for a test file, stopped after it. */
export async function clusterForTests(): Promise<TestCluster> {
  const cluster = await startCluster();
  afterAll(() => cluster.stop());
  return cluster;
}

/** A migrated desk database on the cluster, with a pool closed after the file's tests. */
export async function deskDatabase(cluster: TestCluster): Promise<{ pool: pg.Pool; url: string }> {
  const url = await cluster.database();
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  afterAll(() => pool.end());
  await migrate(pool);
  return { pool, url };
}

export { actorFor } from './actors';
