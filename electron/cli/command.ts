import type { CommandContext, DataDirContext } from './commands/context';
import type { CliValues, OptionName } from './options';

/** What a command is given besides its context: the parsed options and the words after its name. */
export interface Invocation {
  values: CliValues;
  args: readonly string[];
}

/** A command's result: an exit code, true/false for 0/1, or nothing for 0. */
export type Outcome = number | boolean | void;

interface CommandInfo {
  /** The words that name it: ['article', 'new'], ['import']. */
  name: readonly [string, ...string[]];
  /** Its line in the usage text, after "newsroom "; a second line continues it. */
  usage: string;
  summary: string;
  /** The options it takes besides --data-dir, --json and --help. */
  options?: readonly OptionName[];
}

/**
 * One CLI command. `archive: 'open'` commands run with the archive opened and checked for them
 * and go through the contract (context.core), unless `maintenance` says why one may not;
 * `'own'` ones are given the data folder and open what they need themselves (serve, doctor,
 * restore).
 */
export type CliCommand = CommandInfo &
  (
    | { archive: 'open'; run: (context: CommandContext, invocation: Invocation) => Outcome | Promise<Outcome> }
    | {
        archive: 'own';
        run: (
          context: DataDirContext & { env: NodeJS.ProcessEnv },
          invocation: Invocation,
        ) => Outcome | Promise<Outcome>;
      }
  ) & {
    /** Why an 'open' command works on the archive beyond the contract, when it does. */
    maintenance?: string;
  };

export const exitCode = (outcome: Outcome): number =>
  typeof outcome === 'number' ? outcome : outcome === false ? 1 : 0;

/** The command named by the leading words (the longest name that matches), and the words after it. */
export function findCommand(
  commands: readonly CliCommand[],
  words: readonly string[],
): { command: CliCommand; args: string[] } | undefined {
  const matches = commands
    .filter((command) => command.name.every((word, index) => words[index] === word))
    .sort((a, b) => b.name.length - a.name.length);
  const command = matches[0];
  return command ? { command, args: words.slice(command.name.length) } : undefined;
}

/** The usage text, from the table: one entry a command, in the table's order. */
export function usageText(commands: readonly CliCommand[]): string {
  const column = 32;
  const entries = commands.map(({ usage, summary }) => {
    const [first = '', ...more] = usage.split('\n');
    const rest = more.map((line) => `\n  ${line}`).join('');
    const text = summary.split('\n').join(`\n${' '.repeat(column + 2)}`);
    return first.length < column && more.length === 0
      ? `  ${first.padEnd(column)}${text}`
      : `  ${first}${rest}\n${' '.repeat(column + 2)}${text}`;
  });
  return `Usage: newsroom <command> [options]

Commands:
${entries.join('\n')}

Options for every command:
  --data-dir DIR   the data folder (default: NEWSROOM_DATA_DIR, else the platform's user-data folder)
  --json           machine-readable output
  --help           this text`;
}
