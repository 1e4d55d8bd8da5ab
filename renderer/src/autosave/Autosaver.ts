import type { ApiError, Result } from '../../../shared/api/result';

export type SaveState =
  { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; error: ApiError; retrying: boolean };

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface AutosaverOptions<T> {
  /** Writes the snapshot; resolves with the new version once the commit returned. */
  save: (snapshot: T, baseVersion: number) => Promise<Result<{ version: number }>>;
  baseVersion: number;
  onState?: (state: SaveState) => void;
  debounceMs?: number;
  maxWaitMs?: number;
  retryDelaysMs?: readonly number[];
  timers?: Timers;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Saves an editor's latest snapshot about a second after the last change and at least every
 * few seconds of continuous typing, one save at a time. A failed save keeps the snapshot and
 * retries with back-off; "saved" is reported only after the save's commit returned.
 */
export class Autosaver<T> {
  /** What is unsaved, as a function: the (long) snapshot is built when a save starts, not per keystroke. */
  private pending: (() => T) | undefined;
  private inFlight: Promise<void> | undefined;
  private debounceTimer: unknown;
  private maxWaitTimer: unknown;
  private retryTimer: unknown;
  private retryCount = 0;
  private composing = false;
  private disposed = false;
  private state: SaveState = { kind: 'saved' };
  private readonly listeners = new Set<(state: SaveState) => void>();
  private readonly savedListeners = new Set<(snapshot: T, version: number) => void>();
  private baseVersion: number;
  private readonly timers: Timers;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: AutosaverOptions<T>) {
    this.baseVersion = options.baseVersion;
    this.timers = options.timers ?? globalTimers;
    this.debounceMs = options.debounceMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 5000;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000];
  }

  get current(): SaveState {
    return this.state;
  }

  get version(): number {
    return this.baseVersion;
  }

  get hasUnsaved(): boolean {
    return this.pending !== undefined || this.inFlight !== undefined;
  }

  change(snapshot: T | (() => T)): void {
    if (this.disposed) return;
    this.pending = typeof snapshot === 'function' ? (snapshot as () => T) : () => snapshot;
    if (!this.inFlight && this.state.kind !== 'failed') this.setState({ kind: 'unsaved' });
    this.clear('debounceTimer');
    this.debounceTimer = this.timers.setTimeout(() => this.run(), this.debounceMs);
    this.maxWaitTimer ??= this.timers.setTimeout(() => this.run(), this.maxWaitMs);
  }

  /** Another call (a status change) made a new version: later saves are based on it. */
  rebase(version: number): void {
    this.baseVersion = version;
  }

  /** While an IME composes a syllable, nothing is saved; the save happens when it ends. */
  setComposing(composing: boolean): void {
    this.composing = composing;
    if (!composing && this.pending !== undefined && !this.debounceTimer && !this.maxWaitTimer) {
      this.debounceTimer = this.timers.setTimeout(() => this.run(), this.debounceMs);
    }
  }

  /** Saves now whatever is unsaved (switching articles, closing); true when all is saved. */
  async flush(): Promise<boolean> {
    this.clearAll();
    if (this.inFlight) await this.inFlight;
    if (this.pending !== undefined) await this.startSave();
    return this.pending === undefined && this.state.kind === 'saved';
  }

  dispose(): void {
    this.disposed = true;
    this.clearAll();
  }

  private run(): void {
    this.clear('debounceTimer');
    this.clear('maxWaitTimer');
    this.clear('retryTimer');
    if (this.disposed || this.pending === undefined || this.inFlight) return;
    if (this.composing) return;
    void this.startSave();
  }

  private startSave(): Promise<void> {
    const snapshot = (this.pending as () => T)();
    this.pending = undefined;
    this.setState({ kind: 'saving' });
    const attempt = this.options
      .save(snapshot, this.baseVersion)
      .catch((error: unknown): Result<{ version: number }> => ({
        ok: false,
        error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) },
      }))
      .then((result) => this.settle(snapshot, result));
    this.inFlight = attempt;
    return attempt;
  }

  private settle(snapshot: T, result: Result<{ version: number }>): void {
    this.inFlight = undefined;
    if (result.ok) {
      this.retryCount = 0;
      this.baseVersion = result.value.version;
      for (const listener of this.savedListeners) listener(snapshot, result.value.version);
      if (this.pending !== undefined) {
        this.setState({ kind: 'unsaved' });
        this.debounceTimer ??= this.timers.setTimeout(() => this.run(), this.debounceMs);
      } else {
        this.setState({ kind: 'saved' });
      }
      return;
    }
    // Keep the newest text: a change typed during the failed save is newer than the snapshot.
    this.pending ??= () => snapshot;
    const retrying = result.error.code !== 'conflict' && result.error.code !== 'validation' && !this.disposed;
    this.setState({ kind: 'failed', error: result.error, retrying });
    if (retrying) {
      const delay = this.retryDelaysMs[Math.min(this.retryCount, this.retryDelaysMs.length - 1)] ?? 1000;
      this.retryCount += 1;
      this.clear('retryTimer');
      this.retryTimer = this.timers.setTimeout(() => this.run(), delay);
    }
  }

  /** Listeners hear only real changes of state, never one per keystroke. */
  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears every committed save with the snapshot it wrote and the version it made. */
  subscribeSaved(listener: (snapshot: T, version: number) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  private setState(state: SaveState): void {
    if (state.kind === this.state.kind && state.kind !== 'failed') return;
    this.state = state;
    this.options.onState?.(state);
    for (const listener of this.listeners) listener(state);
  }

  private clear(name: 'debounceTimer' | 'maxWaitTimer' | 'retryTimer'): void {
    if (this[name] !== undefined) this.timers.clearTimeout(this[name]);
    this[name] = undefined;
  }

  private clearAll(): void {
    this.clear('debounceTimer');
    this.clear('maxWaitTimer');
    this.clear('retryTimer');
  }
}
