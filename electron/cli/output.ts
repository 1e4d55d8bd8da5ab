/** Where the CLI writes; tests pass their own to read what a user would see. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** All of standard input (a password is read from it, never from the command line). */
  input?: () => Promise<string>;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  input: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** A failure the user caused or can fix: printed to stderr without a stack, non-zero exit. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
