import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDesk } from '../../server/startDesk';
import { clusterForTests } from '../../server/testing/deskDatabase';
import { cli } from '../testing/testCli';
import { tempDir } from '../testing/tempDir';

const cluster = await clusterForTests();
const database = await cluster.database();
const env = { NEWSROOM_DESK_DATABASE: database };
const dataDir = tempDir();
const desk = (args: string[], input = '') => cli([...args, '--data-dir', dataDir], env, input);

describe('newsroom desk', () => {
  it('adds users with the password from standard input, lists and disables them', async () => {
    expect(await desk(['desk', 'user', 'add', 'MinhTuan', '--role', 'reporter'], 'mật khẩu dài\n')).toMatchObject({
      code: 0,
      stdout: 'Added minhtuan (reporter).',
    });
    await desk(['desk', 'user', 'add', 'bientap', '--role', 'editor'], 'mật khẩu biên tập\n');
    expect(await desk(['desk', 'user', 'add', 'x1', '--role', 'chief'], 'mật khẩu dài\n')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('The role is one of reporter, photo, editor, admin') as string,
    });
    expect((await desk(['desk', 'user', 'add', 'ngan', '--role', 'photo'], 'ngắn\n')).code).toBe(2);
    expect((await desk(['desk', 'user', 'add', 'minhtuan', '--role', 'photo'], 'mật khẩu khác\n')).stderr).toContain(
      'already has a user minhtuan',
    );
    expect((await desk(['desk', 'user', 'disable', 'bientap'])).code).toBe(0);
    expect(JSON.parse((await desk(['desk', 'user', 'list', '--json'])).stdout)).toEqual([
      { name: 'bientap', role: 'editor', disabled: true },
      { name: 'minhtuan', role: 'reporter', disabled: false },
    ]);
  });

  it('without a database uses the embedded one in the data folder, one process at a time; says when a server is unreachable', async () => {
    const own = join(tempDir(), 'tòa soạn');
    const embedded = (args: string[], input = '') => cli([...args, '--data-dir', own], {}, input);
    expect(await embedded(['desk', 'user', 'add', 'quantri', '--role', 'admin'], 'mật khẩu quản trị\n')).toMatchObject({
      code: 0,
    });
    expect(JSON.parse((await embedded(['desk', 'user', 'list', '--json'])).stdout)).toEqual([
      { name: 'quantri', role: 'admin', disabled: false },
    ]);
    const main = join(import.meta.dirname, 'main.ts');
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', main, 'desk', 'serve', '--port', '0', '--data-dir', own],
      {
        env: { ...process.env, NEWSROOM_DESK_DATABASE: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const line = await new Promise<string>((resolve) =>
        createInterface({ input: server.stdout }).once('line', resolve),
      );
      expect(line).toMatch(/^Newsroom desk at http:\/\/127\.0\.0\.1:\d+$/);
      expect(await embedded(['desk', 'user', 'list'])).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('is open in another process') as string,
      });
    } finally {
      server.kill();
    }
    const away = await cli([
      'desk',
      'user',
      'list',
      '--data-dir',
      dataDir,
      '--database',
      'postgres://x@127.0.0.1:1/none',
    ]);
    expect(away).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Cannot reach the desk database') as string,
    });
  });

  it('desk serve prints one line with its address and answers there', async () => {
    const main = join(import.meta.dirname, 'main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'desk', 'serve', '--port', '0'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    afterAll(() => child.kill());
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once('line', (text) => resolve(text)),
    );
    expect(line).toMatch(/^Newsroom desk at http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${line.slice('Newsroom desk at '.length)}/api/me`);
    expect(response.status).toBe(401);
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });

  it('a laptop joins with the password on standard input, syncs, and says what moved and what waits', async () => {
    const server = await startDesk({ database, port: 0 });
    afterAll(() => server.close());
    const laptop = tempDir();
    const run = (args: string[], input = '') => cli([...args, '--data-dir', laptop], {}, input);
    expect((await run(['sync'])).stderr).toContain('has not joined a desk');
    expect(await run(['desk', 'join', server.url, '--user', 'minhtuan'], 'sai mật khẩu\n')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Wrong user name or password') as string,
    });
    expect(await run(['desk', 'join', server.url, '--user', 'minhtuan'], 'mật khẩu dài\n')).toMatchObject({
      code: 0,
      stdout: `Joined ${server.url} as minhtuan (reporter).`,
    });
    await run(['article', 'new', '--headline', 'Hội nghị tổng kết']);
    expect((await run(['desk', 'status'])).stdout).toContain('1 article(s) waiting to be sent; last synced never.');
    expect((await run(['sync'])).stdout).toContain('Sent 1 change(s): 1 applied, 0 merged, 0 in conflict, 0 refused.');
    expect((await run(['desk', 'status'])).stdout).toContain('0 article(s) waiting');
    expect((await run(['desk', 'leave'])).code).toBe(0);
    expect((await run(['desk', 'status'])).stdout).toContain('Not joined to a desk');
  });
});
