import type { CliIo } from '../cli/output';
import { runCli } from '../cli/runCli';

/** One CLI invocation in this process, with what it printed, as a user would read it. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}, input = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    input: () => Promise.resolve(input),
  };
  const code = await runCli(args, io, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
