import { argon2id, argon2Verify } from 'hash-wasm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DeskPool } from '../db/database';
import type { DeskRole } from '../../shared/desk/protocol';
import { deskRoles, userName } from '../../shared/desk/protocol';
import { statement } from './statement';

export interface DeskUser {
  id: string;
  name: string;
  role: DeskRole;
  disabled: boolean;
}

export interface Actor {
  deskId: string;
  userId: string;
  deviceId: string;
  name: string;
  role: DeskRole;
}

export class DeskInputError extends Error {}

/** Failed logins for one user name within the window before further tries are refused. */
const maxFailures = 10;
const failureWindow = '15 minutes';

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/**
 * argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane), in WebAssembly (hash-wasm): the
 * same on every machine, no native build that a prebuilt binary could get wrong.
 */
const hashPassword = (password: string): Promise<string> =>
  argon2id({
    password,
    salt: randomBytes(16),
    parallelism: 1,
    iterations: 2,
    memorySize: 19_456,
    hashLength: 32,
    outputType: 'encoded',
  });

/** The desk of this database (one desk per database for now; migrate() makes it). */
export async function deskId(pool: DeskPool): Promise<string> {
  const found = await pool.query<{ id: string }>('SELECT id FROM desks ORDER BY created_at LIMIT 1');
  if (!found.rows[0]) throw new Error('The desk database has no desk: run its migrations first.');
  return found.rows[0].id;
}

let dummyHash: Promise<string> | undefined;

export async function addUser(pool: DeskPool, name: string, role: string, password: string): Promise<DeskUser> {
  const parsedName = userName.safeParse(name);
  if (!parsedName.success) throw new DeskInputError(`Not a user name: ${parsedName.error.issues[0]?.message ?? name}`);
  if (!(deskRoles as readonly string[]).includes(role))
    throw new DeskInputError(`The role is one of ${deskRoles.join(', ')}.`);
  if (password.length < 8) throw new DeskInputError('A password has at least 8 characters.');
  const desk = await deskId(pool);
  const hash = await hashPassword(password);
  const id = randomUUID();
  const inserted = await pool.query(
    `INSERT INTO users (id, desk_id, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (desk_id, name) DO NOTHING`,
    [id, desk, parsedName.data, role, hash],
  );
  if (inserted.rowCount === 0) throw new DeskInputError(`The desk already has a user ${parsedName.data}.`);
  return { id, name: parsedName.data, role: role as DeskRole, disabled: false };
}

export async function listUsers(pool: DeskPool): Promise<DeskUser[]> {
  const rows = await pool.query<{ id: string; name: string; role: DeskRole; disabled_at: Date | null }>(
    'SELECT id, name, role, disabled_at FROM users ORDER BY name',
  );
  return rows.rows.map((row) => ({ id: row.id, name: row.name, role: row.role, disabled: row.disabled_at !== null }));
}

/** Disables the user and revokes every device of theirs. */
export async function disableUser(pool: DeskPool, name: string): Promise<boolean> {
  const found = await pool.query<{ id: string }>(
    'UPDATE users SET disabled_at = now() WHERE name = $1 AND disabled_at IS NULL RETURNING id',
    [userName.parse(name)],
  );
  if (!found.rows[0]) return false;
  await pool.query('UPDATE devices SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    found.rows[0].id,
  ]);
  return true;
}

export type JoinOutcome =
  { ok: true; token: string; deviceId: string; user: DeskUser } | { ok: false; reason: 'wrong' | 'throttled' };

/**
 * A user name and password give a new device token, shown once; the desk keeps only its
 * SHA-256. Wrong passwords are counted per user name, and too many in a row are refused a while.
 */
export async function joinDevice(pool: DeskPool, name: string, password: string, label: string): Promise<JoinOutcome> {
  const failures = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM login_attempts WHERE user_name = $1 AND at > now() - interval '${failureWindow}'`,
    [name],
  );
  if (Number(failures.rows[0]?.n ?? 0) >= maxFailures) return { ok: false, reason: 'throttled' };
  const found = await pool.query<{ id: string; name: string; role: DeskRole; password_hash: string }>(
    'SELECT id, name, role, password_hash FROM users WHERE name = $1 AND disabled_at IS NULL',
    [name],
  );
  const user = found.rows[0];
  // A hash is checked even for an unknown name, so the answer takes as long either way.
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const hash = user?.password_hash ?? (await dummyHash);
  const good = await argon2Verify({ password, hash }).catch(() => false);
  if (!user || !good) {
    await pool.query('INSERT INTO login_attempts (user_name) VALUES ($1)', [name]);
    return { ok: false, reason: 'wrong' };
  }
  await pool.query('DELETE FROM login_attempts WHERE user_name = $1', [name]);
  const token = randomBytes(32).toString('base64url');
  const deviceId = randomUUID();
  await pool.query('INSERT INTO devices (id, user_id, label, token_hash) VALUES ($1, $2, $3, $4)', [
    deviceId,
    user.id,
    label,
    hashToken(token),
  ]);
  return { ok: true, token, deviceId, user: { id: user.id, name: user.name, role: user.role, disabled: false } };
}

/**
 * The user and device behind a token, or undefined for an unknown, revoked or disabled one.
 * A read on every request; "last seen" is written at most once a minute, not on every push.
 */
const deviceByToken = statement(
  'device-by-token',
  `SELECT users.desk_id, users.id AS user_id, devices.id AS device_id, users.name, users.role,
          (devices.last_seen_at IS NULL OR devices.last_seen_at < now() - interval '1 minute') AS stale
     FROM devices JOIN users ON users.id = devices.user_id
    WHERE devices.token_hash = $1 AND devices.revoked_at IS NULL AND users.disabled_at IS NULL`,
);

export async function authenticate(pool: DeskPool, token: string): Promise<Actor | undefined> {
  const found = await pool.query<{
    desk_id: string;
    user_id: string;
    device_id: string;
    name: string;
    role: DeskRole;
    stale: boolean;
  }>(deviceByToken([hashToken(token)]));
  const row = found.rows[0];
  if (!row) return undefined;
  if (row.stale) await pool.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [row.device_id]);
  return { deskId: row.desk_id, userId: row.user_id, deviceId: row.device_id, name: row.name, role: row.role };
}
