import type { Tally } from '../../../shared/article/counts';

/** What panels read of the text being typed: the headline (for the slug) and its words and characters (for counts). */
export interface TextSnapshot {
  headline: string;
  tally: Tally;
}

/** Updated at most every `delayMs`, so panels reading it do not re-render on every keystroke. */
export interface TextStore {
  get: () => TextSnapshot;
  /** Takes a function so the counting happens only when the store updates, not per keystroke. */
  set: (snapshot: () => TextSnapshot) => void;
  subscribe: (listener: () => void) => () => void;
  dispose: () => void;
}

export function createTextStore(initial: TextSnapshot, delayMs = 300): TextStore {
  let current = initial;
  let pending: (() => TextSnapshot) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (snapshot) => {
      pending = snapshot;
      timer ??= setTimeout(() => {
        timer = undefined;
        const next = pending?.();
        pending = undefined;
        if (
          !next ||
          (next.headline === current.headline &&
            next.tally.words === current.tally.words &&
            next.tally.characters === current.tally.characters)
        )
          return;
        current = next;
        for (const listener of listeners) listener();
      }, delayMs);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => clearTimeout(timer),
  };
}
