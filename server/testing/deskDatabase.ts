import pg from 'pg';
import { afterAll } from 'vitest';
import { migrate } from '../db/migrate';
import type { Actor } from '../store/users';
import { addUser, authenticate, joinDevice } from '../store/users';
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

/** A user of the given role with a joined device, as the server sees them. */
export async function actorFor(pool: pg.Pool, name: string, role: Actor['role']): Promise<Actor & { token: string }> {
  await addUser(pool, name, role, 'mật khẩu dài');
  const joined = await joinDevice(pool, name, 'mật khẩu dài', `${name}'s laptop`);
  if (!joined.ok) throw new Error(`join failed: ${joined.reason}`);
  const actor = await authenticate(pool, joined.token);
  if (!actor) throw new Error('authenticate failed');
  return { ...actor, token: joined.token };
}
