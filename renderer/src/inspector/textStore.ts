/** What panels read of the text being typed: the headline (for the slug) and the plain text (for counts). */
export interface TextSnapshot {
  headline: string;
  text: string;
}

/** Updated at most every `delayMs`, so panels reading it do not re-render on every keystroke. */
export interface TextStore {
  get: () => TextSnapshot;
  set: (snapshot: TextSnapshot) => void;
  subscribe: (listener: () => void) => () => void;
  dispose: () => void;
}

export function createTextStore(initial: TextSnapshot, delayMs = 300): TextStore {
  let current = initial;
  let pending: TextSnapshot | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (snapshot) => {
      pending = snapshot;
      timer ??= setTimeout(() => {
        timer = undefined;
        if (!pending || (pending.headline === current.headline && pending.text === current.text)) return;
        current = pending;
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
