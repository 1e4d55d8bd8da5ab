import type { DeskPool } from '../db/database';
import type { Actor } from '../store/users';
import { addUser, authenticate, joinDevice } from '../store/users';

/** A user of the given role with a joined device, as the server sees them. */
export async function actorFor(pool: DeskPool, name: string, role: Actor['role']): Promise<Actor & { token: string }> {
  await addUser(pool, name, role, 'mật khẩu dài');
  const joined = await joinDevice(pool, name, 'mật khẩu dài', `${name}'s laptop`);
  if (!joined.ok) throw new Error(`join failed: ${joined.reason}`);
  const actor = await authenticate(pool, joined.token);
  if (!actor) throw new Error('authenticate failed');
  return { ...actor, token: joined.token };
}
