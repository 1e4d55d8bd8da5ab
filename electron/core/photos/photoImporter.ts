import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerJob, WorkerReply } from './workerProtocol';

/** The worker script: the TypeScript source under tsx (tests, npm run cli), the bundled file beside the app otherwise. */
function workerSpec(): { script: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { script: join(dirname(here), 'photoWorker.ts'), execArgv: ['--import', 'tsx'] };
  return { script: join(dirname(here), 'photoWorker.cjs'), execArgv: [] };
}

/**
 * Sends photos one at a time to a child process and waits for each with a time limit. A
 * child that exceeds it, or dies, is replaced; that file is reported and the batch goes on.
 */
export class PhotoImporter {
  private child: ChildProcess | undefined;

  constructor(private readonly timeoutMs = 30_000) {}

  private spawn(): ChildProcess {
    const { script, execArgv } = workerSpec();
    // In Electron, process.execPath is the app: ELECTRON_RUN_AS_NODE makes the child plain Node.
    const env = process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env;
    const child = fork(script, [], { execArgv, env, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
    child.unref();
    child.channel?.unref();
    return child;
  }

  process(job: WorkerJob): Promise<WorkerReply> {
    this.child ??= this.spawn();
    const child = this.child;
    child.ref();
    child.channel?.ref();
    return new Promise<WorkerReply>((resolve) => {
      const finish = (reply: WorkerReply, kill: boolean) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill) {
          child.kill('SIGKILL');
          if (this.child === child) this.child = undefined;
        } else {
          child.unref();
          child.channel?.unref();
        }
        resolve(reply);
      };
      const onMessage = (reply: WorkerReply) => finish(reply, false);
      const onExit = () => {
        if (this.child === child) this.child = undefined;
        finish({ ok: false, reason: 'The photo stopped the decoder (it is probably damaged); the other photos go on.' }, false);
      };
      const timer = setTimeout(() => finish({ ok: false, reason: `Reading the photo took longer than ${this.timeoutMs / 1000} s; it was stopped.` }, true), this.timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(job);
    });
  }

  close(): void {
    this.child?.kill();
    this.child = undefined;
  }
}
