import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchNodeDecoder } from './decoderProcess';
import type { DecoderProcess, DecoderScript, LaunchDecoder } from './decoderProcess';
import type { WorkerJob, WorkerReply } from './workerProtocol';

/** The worker script: the TypeScript source under tsx (tests, npm run cli), the bundled file beside the app otherwise. */
function workerSpec(): DecoderScript {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { script: join(dirname(here), 'photoWorker.ts'), execArgv: ['--import', 'tsx'] };
  return { script: join(dirname(here), 'photoWorker.cjs'), execArgv: [] };
}

/**
 * Sends photos one at a time to a decoder process and waits for each with a time limit. A
 * decoder that exceeds it, or dies, is replaced; that file is reported and the batch goes on.
 */
export class PhotoImporter {
  private child: DecoderProcess | undefined;

  constructor(
    private readonly timeoutMs = 30_000,
    private readonly launch: LaunchDecoder = launchNodeDecoder,
  ) {}

  process(job: WorkerJob): Promise<WorkerReply> {
    this.child ??= this.launch(workerSpec());
    const child = this.child;
    child.hold(true);
    return new Promise<WorkerReply>((resolve) => {
      const finish = (reply: WorkerReply, kill: boolean) => {
        clearTimeout(timer);
        child.offReply(onReply);
        child.offExit(onExit);
        if (kill) {
          child.kill();
          if (this.child === child) this.child = undefined;
        } else {
          child.hold(false);
        }
        resolve(reply);
      };
      const onReply = (reply: WorkerReply) => finish(reply, false);
      const onExit = () => {
        if (this.child === child) this.child = undefined;
        finish(
          { ok: false, reason: 'The photo stopped the decoder (it is probably damaged); the other photos go on.' },
          false,
        );
      };
      const timer = setTimeout(
        () =>
          finish(
            { ok: false, reason: `Reading the photo took longer than ${this.timeoutMs / 1000} s; it was stopped.` },
            true,
          ),
        this.timeoutMs,
      );
      child.onReply(onReply);
      child.onExit(onExit);
      child.send(job);
    });
  }

  close(): void {
    this.child?.kill();
    this.child = undefined;
  }
}
