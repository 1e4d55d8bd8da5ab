import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const script = join(import.meta.dirname, 'archiveProcess.ts');

export interface ArchiveProcess {
  /** Saves article 1's headline and resolves with the acknowledged version. */
  save: (headline: string) => Promise<number>;
  /** A clean close: the archive is closed as the app closes it. */
  close: () => Promise<void>;
  /** SIGKILL: the process dies without any chance to clean up. */
  kill: () => Promise<void>;
}

/** Starts a real Newsroom process on the data folder (see archiveProcess.ts); rejects with its refusal. */
export async function startArchiveProcess(dataDir: string): Promise<ArchiveProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error('the Newsroom process ended without answering');
    return line.value;
  };
  const exited = once(child, 'exit');
  const first = await next();
  if (first.startsWith('refused ')) throw new Error(first.slice('refused '.length));
  if (first !== 'ready') throw new Error(`unexpected answer: ${first}`);
  return {
    save: async (headline) => {
      child.stdin.write(`save ${headline}\n`);
      const answer = await next();
      if (!answer.startsWith('ack ')) throw new Error(`unexpected answer: ${answer}`);
      return Number(answer.slice('ack '.length));
    },
    close: async () => {
      child.stdin.write('close\n');
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
