import { ArchiveOpenError, CoreError } from '../core/CoreError';
import { resolveDataDir } from '../core/dataDir';
import { openCore } from '../core/openCore';
import { exitCode, findCommand, usageText } from './command';
import { commands } from './commands/index';
import { cliOptions, globalOptions, parseCli } from './options';
import type { OptionName } from './options';
import { CliError, processIo } from './output';
import type { CliIo } from './output';

export const usage = usageText(commands);

/** Runs one CLI invocation and returns its exit code; errors go to stderr. */
export async function runCli(
  argv: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseCli(argv);
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${usage}`, 2);
    }
    const { values, positionals } = parsed;
    if (values.help || positionals[0] === undefined || positionals[0] === 'help') {
      io.out(usage);
      return positionals[0] === undefined && !values.help ? 2 : 0;
    }
    const found = findCommand(commands, positionals);
    if (!found) throw new CliError(`Unknown command: ${positionals.join(' ')}\n\n${usage}`, 2);
    const { command, args } = found;
    const allowed = new Set<string>([...globalOptions, ...(command.options ?? [])]);
    const given = (Object.keys(values) as OptionName[]).filter(
      (name) => values[name] !== undefined && values[name] !== (cliOptions[name] as { default?: unknown }).default,
    );
    const stray = given.filter((name) => !allowed.has(name));
    if (stray.length > 0)
      throw new CliError(
        `${command.name.join(' ')} does not take ${stray.map((name) => `--${name}`).join(', ')}\n\n${usage}`,
        2,
      );
    const dataDir = resolveDataDir(values['data-dir'], env);
    const invocation = { values, args };
    if (command.archive === 'own')
      return exitCode(await command.run({ dataDir, io, json: values.json, env }, invocation));
    const core = await openCore(dataDir);
    try {
      return exitCode(await command.run({ core, io, json: values.json }, invocation));
    } finally {
      core.close();
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`newsroom: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof ArchiveOpenError || error instanceof CoreError) {
      io.err(`newsroom: ${error.message}`);
      return 1;
    }
    io.err(`newsroom: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
