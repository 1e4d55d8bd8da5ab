import { cli } from '../testing/testCli';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempDir';
import { findCommand } from './command';
import { commands } from './commands/index';
import { usage } from './runCli';

describe('the CLI as a table of commands', () => {
  it('lists every command of the table in its usage, once', () => {
    for (const command of commands) {
      const first = command.usage.split('\n')[0] ?? '';
      expect(
        usage.split('\n').filter((line) => line.startsWith(`  ${first}`)),
        first,
      ).toHaveLength(1);
    }
  });

  it('finds a command by its words, the longest name first, and hands it the rest', () => {
    expect(findCommand(commands, ['article', 'show', '7'])).toMatchObject({
      command: { name: ['article', 'show'] },
      args: ['7'],
    });
    expect(findCommand(commands, ['search', 'bóng', 'đá'])).toMatchObject({
      command: { name: ['search'] },
      args: ['bóng', 'đá'],
    });
    expect(findCommand(commands, ['article', 'frob'])).toBeUndefined();
  });

  it('refuses an option the command does not take, and an unknown command, with the usage', async () => {
    const dataDir = tempDir();
    const stray = await cli(['article', 'list', '--out', dataDir, '--data-dir', dataDir]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('article list does not take --out');
    const unknown = await cli(['article', 'frob', '--data-dir', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: article frob');
    expect((await cli(['article', 'list', '--json', '--data-dir', dataDir])).code).toBe(0);
  });

  it('says why each command that works past the contract does', () => {
    const past = commands
      .filter((command) => command.maintenance !== undefined)
      .map((command) => command.name.join(' '));
    expect(past.sort()).toEqual(['backup', 'export', 'photos import']);
  });
});
