import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { archivePath } from '../core/dataDir';
import { tempDir } from './tempDir';

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

/** A data folder whose path has spaces and Vietnamese letters, removed after the test. */
export const newsroomFolder = (): string => {
  const dir = join(tempDir(), 'Tòa soạn QĐND', 'Dữ liệu của Minh Tuấn');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** Crashes a Newsroom process `crashes` times, each after a save; returns the last acknowledged headline and version. */
export async function crashAfterSaves(
  dataDir: string,
  crashes: number,
): Promise<{ headline: string; version: number }> {
  let last = { headline: '', version: 0 };
  for (let crash = 1; crash <= crashes; crash += 1) {
    const newsroom = await startArchiveProcess(dataDir);
    for (let save = 1; save <= 3; save += 1) {
      const headline = `Hội nghị lần ${crash}, bản ${save}`;
      last = { headline, version: await newsroom.save(headline) };
    }
    await newsroom.kill();
  }
  return last;
}

/** What the archive file says without its log (read from a copy, so nothing is folded). */
export function headlineWithoutLog(dataDir: string): string | undefined {
  const dir = tempDir();
  copyFileSync(archivePath(dataDir), join(dir, 'copy.sqlite3'));
  const db = new BetterSqlite3(join(dir, 'copy.sqlite3'), { readonly: true });
  try {
    return db.prepare<[], { headline: string }>('SELECT headline FROM articles WHERE id = 1').get()?.headline;
  } finally {
    db.close();
  }
}
