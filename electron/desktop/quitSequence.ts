// What happens between "quit" (Ctrl+Q, Cmd+Q, closing the window, the system logging out) and
// the process ending: the page saves what is pending, the archive closes, then the app quits.
// Plain logic (no Electron), so it is tested under Node; main.ts wires it to Electron's events.

export type FlushOutcome = 'saved' | 'failed' | 'timeout';

export interface QuitSteps {
  /** Asks the page to save what it has not saved yet; true once it is committed. */
  requestFlush: () => Promise<boolean>;
  /** When the page could not save: true to quit anyway, false to keep working. */
  confirmQuit: (outcome: Exclude<FlushOutcome, 'saved'>) => Promise<boolean>;
  closeArchive: () => void;
  /** Asks the app to quit again; the sequence lets it through this time. */
  quit: () => void;
  /** How long the page has to save before the user is asked. */
  boundMs: number;
}

export interface QuitSequence {
  /** From before-quit or a window's close: true when the quit may go on, false to hold it. */
  beforeQuit: () => boolean;
  /** Resolves when the sequence that beforeQuit started has ended (tests, logging). */
  settled: () => Promise<void>;
}

async function flushWithin(requestFlush: () => Promise<boolean>, boundMs: number): Promise<FlushOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<FlushOutcome>((resolve) => (timer = setTimeout(() => resolve('timeout'), boundMs)));
  const flushed = requestFlush().then(
    (saved): FlushOutcome => (saved ? 'saved' : 'failed'),
    (): FlushOutcome => 'failed',
  );
  try {
    return await Promise.race([flushed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function quitSequence(steps: QuitSteps): QuitSequence {
  let phase: 'open' | 'saving' | 'closed' = 'open';
  let running: Promise<void> = Promise.resolve();

  const run = async (): Promise<void> => {
    const outcome = await flushWithin(steps.requestFlush, steps.boundMs);
    if (outcome !== 'saved' && !(await steps.confirmQuit(outcome))) {
      phase = 'open';
      return;
    }
    steps.closeArchive();
    phase = 'closed';
    steps.quit();
  };

  return {
    beforeQuit: () => {
      if (phase === 'closed') return true;
      if (phase === 'open') {
        phase = 'saving';
        running = run();
      }
      return false;
    },
    settled: () => running,
  };
}
