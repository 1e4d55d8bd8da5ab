import { readFileSync } from 'node:fs';
import pg from 'pg';
import { join } from 'node:path';
import type { DeskPool } from '../../../server/db/database';
import { EmbeddedInUseError } from '../../../server/db/embeddedLock';
import { migrate, NewerSchemaError } from '../../../server/db/migrate';
import { moveDesk, MoveDeskError } from '../../../server/db/moveDesk';
import { startDesk } from '../../../server/startDesk';
import { addUser, DeskInputError, disableUser, listUsers } from '../../../server/store/users';
import type { CliCommand } from '../command';
import type { CliIo } from '../output';
import { CliError } from '../output';
import { call } from './context';

type Database = string | { embedded: string };

/**
 * The desk's PostgreSQL: --database, else NEWSROOM_DESK_DATABASE, else the embedded one in the
 * data folder's `desk-database/`.
 */
function databaseOf(option: string | undefined, env: NodeJS.ProcessEnv, dataDir: string): Database {
  const url = option ?? env.NEWSROOM_DESK_DATABASE;
  if (!url) return { embedded: join(dataDir, 'desk-database') };
  if (!/^postgres(ql)?:\/\//.test(url)) throw new CliError('--database takes a postgres:// address.', 2);
  return url;
}

/** Runs `work` on a migrated pool, closed after; database errors become a message, not a stack. */
async function withDesk<T>(database: Database, work: (pool: DeskPool) => Promise<T>): Promise<T> {
  return withDeskErrors(async () => {
    const opened =
      typeof database === 'string'
        ? (() => {
            const pool = new pg.Pool({ connectionString: database, max: 2 });
            return { pool, close: () => pool.end() };
          })()
        : // PGlite is loaded only when the embedded desk is used, not by every command's start.
          await (await import('../../../server/db/embedded')).openEmbedded(database.embedded);
    try {
      await migrate(opened.pool);
      return await work(opened.pool);
    } finally {
      await opened.close();
    }
  });
}

async function readPassword(io: CliIo): Promise<string> {
  const text = (await io.input?.()) ?? '';
  const password = text.replace(/\r?\n$/, '');
  if (password === '')
    throw new CliError('Give the password on standard input (echo … | newsroom desk user add …).', 2);
  return password;
}

async function serveDesk(database: Database, values: Record<string, unknown>, io: CliIo): Promise<number> {
  const port = values.port === undefined ? 4790 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError('--port takes a number from 0 to 65535', 2);
  const [certFile, keyFile] = [values['tls-cert'], values['tls-key']] as [string | undefined, string | undefined];
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new CliError('--tls-cert and --tls-key go together.', 2);
  const tls =
    certFile && keyFile ? { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') } : undefined;
  const desk = await withDeskErrors(() =>
    startDesk({ database, port, host: (values.host as string | undefined) ?? '127.0.0.1', tls }),
  );
  io.out(`Newsroom desk at ${desk.url}`);
  return new Promise((resolve) => {
    const stop = () => void desk.close().then(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function withDeskErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DeskInputError) throw new CliError(error.message, 2);
    if (error instanceof NewerSchemaError || error instanceof EmbeddedInUseError) throw new CliError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`The port is in use: ${(error as Error).message}`);
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01')
      throw new CliError(`Cannot reach the desk database: ${(error as Error).message}`);
    throw error;
  }
}

export const deskCommands: readonly CliCommand[] = [
  {
    name: ['desk', 'serve'],
    usage: 'desk serve [--database URL] [--port N] [--host H]\n[--tls-cert F --tls-key F]',
    summary:
      'start the desk server on PostgreSQL (default port 4790, on 127.0.0.1 unless --host); without --database, on the embedded one in the data folder',
    options: ['database', 'port', 'host', 'tls-cert', 'tls-key'],
    archive: 'own',
    run: ({ io, env, dataDir }, { values }) => serveDesk(databaseOf(values.database, env, dataDir), values, io),
  },
  {
    name: ['desk', 'move'],
    usage: 'desk move --to URL',
    summary:
      'copy the embedded desk (stopped) to an empty PostgreSQL database, whole and checked; laptops then point at the new server',
    options: ['to'],
    archive: 'own',
    run: async ({ io, env, dataDir }, { values }) => {
      const target = databaseOf(values.to, {}, dataDir);
      if (typeof target !== 'string') throw new CliError('desk move needs --to postgres://USER@HOST/DB', 2);
      const source = databaseOf(undefined, { ...env, NEWSROOM_DESK_DATABASE: undefined }, dataDir);
      await withDesk(source, (from) =>
        withDesk(target, (to) =>
          moveDesk(from, to, (table, rows) => io.out(`${table}: ${rows} row(s)`)).catch((error: unknown) => {
            if (error instanceof MoveDeskError) throw new CliError(error.message);
            throw error;
          }),
        ),
      );
      io.out(
        `The desk is now in ${new URL(target).host}: start it with desk serve --database …; laptops keep their link if it answers at the same address.`,
      );
    },
  },
  {
    name: ['desk', 'user', 'add'],
    usage: 'desk user add NAME --role reporter|photo|editor|admin',
    summary: 'add a desk user; the password is read from standard input and stored as an argon2id hash',
    options: ['database', 'role'],
    archive: 'own',
    run: async ({ io, env, dataDir }, { values, args }) => {
      const [name] = args;
      if (!name || !values.role) throw new CliError('desk user add needs a NAME and --role', 2);
      const password = await readPassword(io);
      const user = await withDesk(databaseOf(values.database, env, dataDir), (pool) =>
        addUser(pool, name, values.role ?? '', password),
      );
      io.out(`Added ${user.name} (${user.role}).`);
    },
  },
  {
    name: ['desk', 'user', 'list'],
    usage: 'desk user list',
    summary: "the desk's users, their roles, and who is disabled",
    options: ['database'],
    archive: 'own',
    run: async ({ io, env, json, dataDir }, { values }) => {
      const users = await withDesk(databaseOf(values.database, env, dataDir), listUsers);
      if (json) io.out(JSON.stringify(users.map(({ name, role, disabled }) => ({ name, role, disabled }))));
      else for (const user of users) io.out(`${user.name}\t${user.role}${user.disabled ? '\tdisabled' : ''}`);
    },
  },
  {
    name: ['desk', 'user', 'disable'],
    usage: 'desk user disable NAME',
    summary: 'disable a user and sign out every device of theirs',
    options: ['database'],
    archive: 'own',
    run: async ({ io, env, dataDir }, { values, args }) => {
      const [name] = args;
      if (!name) throw new CliError('desk user disable needs a NAME', 2);
      const done = await withDesk(databaseOf(values.database, env, dataDir), (pool) => disableUser(pool, name));
      if (!done) throw new CliError(`The desk has no active user ${name}.`);
      io.out(`Disabled ${name}; their devices are signed out.`);
    },
  },
];

/** On a laptop: join a desk, sync with it, see what waits. They go through the contract, like the editor. */
export const laptopDeskCommands: readonly CliCommand[] = [
  {
    name: ['desk', 'join'],
    usage: 'desk join URL --user NAME',
    summary: 'join a desk (the password is read from standard input); the device token stays in the data folder',
    options: ['user'],
    archive: 'open',
    run: async ({ core, io, json }, { values, args }) => {
      const [url] = args;
      if (!url || !values.user) throw new CliError('desk join needs the desk URL and --user NAME', 2);
      const password = await readPassword(io);
      const status = await call(core, 'desk.join', { url, user: values.user, password });
      if (json) io.out(JSON.stringify(status));
      else if (status.joined) io.out(`Joined ${status.url} as ${status.user} (${status.role}).`);
    },
  },
  {
    name: ['sync'],
    usage: 'sync',
    summary: 'one round with the desk: send what waits here, receive what the desk has; says what moved',
    archive: 'open',
    run: async ({ core, io, json }) => {
      const report = await call(core, 'desk.sync', {});
      if (json) return io.out(JSON.stringify(report));
      io.out(
        `Sent ${report.pushed} change(s): ${report.applied} applied, ${report.merged} merged, ${report.conflicts} in conflict, ${report.refused.length + report.refusedPhotos.length} refused.`,
      );
      if (report.photos.originalsSent > 0 || report.photos.pulled > 0)
        io.out(
          `Photos: ${report.photos.originalsSent} original(s) sent, ${report.photos.pulled} record(s) received (their originals come when needed).`,
        );
      io.out(
        `Received ${report.pulled.created} new and ${report.pulled.updated} updated article(s)${report.pulled.kept > 0 ? `; ${report.pulled.kept} kept as typed here, to be merged on the desk` : ''}.`,
      );
      for (const refusal of report.refused) io.out(`Refused, article ${refusal.articleId}: ${refusal.message}`);
      for (const refusal of report.refusedPhotos)
        io.out(`Refused, photo ${refusal.photoId.slice(0, 12)}: ${refusal.message}`);
      if (report.waiting > 0) io.out(`${report.waiting} article(s) or photo(s) still waiting.`);
    },
  },
  {
    name: ['desk', 'status'],
    usage: 'desk status',
    summary: 'the desk this laptop has joined, as whom, and what waits to be sent',
    archive: 'open',
    run: async ({ core, io, json }) => {
      const status = await call(core, 'desk.status', {});
      if (json) return io.out(JSON.stringify(status));
      if (!status.joined) return io.out('Not joined to a desk (newsroom desk join URL --user NAME).');
      io.out(`Desk ${status.url}, signed in as ${status.user} (${status.role}).`);
      io.out(`${status.waiting} article(s) waiting to be sent; last synced ${status.lastSyncedAt ?? 'never'}.`);
      for (const refusal of status.refusals) io.out(`Refused, article ${refusal.articleId}: ${refusal.message}`);
    },
  },
  {
    name: ['desk', 'leave'],
    usage: 'desk leave',
    summary: 'sign this laptop out of its desk (the archive stays as it is)',
    archive: 'open',
    run: async ({ core, io }) => {
      await call(core, 'desk.leave', {});
      io.out('Signed out of the desk.');
    },
  },
];
