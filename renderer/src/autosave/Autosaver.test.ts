import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { Autosaver } from './Autosaver';
import type { SaveState } from './Autosaver';

interface Call {
  snapshot: string;
  baseVersion: number;
  resolve: (result: Result<{ version: number }>) => void;
}

function harness(options: { retryDelaysMs?: number[] } = {}) {
  const calls: Call[] = [];
  const states: SaveState['kind'][] = [];
  const saved: [string, number][] = [];
  const autosaver = new Autosaver<string>({
    baseVersion: 1,
    save: (snapshot, baseVersion) => new Promise((resolve) => calls.push({ snapshot, baseVersion, resolve })),
    onState: (state) => states.push(state.kind),
    ...options,
  });
  autosaver.subscribeSaved((snapshot, version) => saved.push([snapshot, version]));
  return { autosaver, calls, states, saved };
}

const succeed = async (call: Call | undefined, version: number) => {
  call?.resolve({ ok: true, value: { version } });
  await vi.advanceTimersByTimeAsync(0);
};

describe('Autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves about a second after the last change, and only then says saved', async () => {
    const { autosaver, calls, states } = harness();
    autosaver.change('Hội');
    await vi.advanceTimersByTimeAsync(600);
    autosaver.change('Hội nghị');
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([expect.objectContaining({ snapshot: 'Hội nghị', baseVersion: 1 })]);
    expect(autosaver.current.kind).toBe('saving');
    await succeed(calls[0], 2);
    expect(states).toEqual(['unsaved', 'saving', 'saved']);
    expect(autosaver.version).toBe(2);
  });

  it('saves at least every five seconds while typing never pauses', async () => {
    const { autosaver, calls } = harness();
    for (let ms = 0; ms < 4900; ms += 300) {
      autosaver.change(`text ${ms}`);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]?.snapshot).toBe('text 4800');
  });

  it('saves changes typed during a save right after it, based on the new version', async () => {
    const { autosaver, calls, saved } = harness();
    autosaver.change('one');
    await vi.advanceTimersByTimeAsync(1000);
    autosaver.change('one two');
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(1);
    await succeed(calls[0], 2);
    expect(autosaver.current.kind).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls[1]).toMatchObject({ snapshot: 'one two', baseVersion: 2 });
    await succeed(calls[1], 3);
    expect(saved).toEqual([
      ['one', 2],
      ['one two', 3],
    ]);
  });

  it('keeps the text after a failed save, says why, and retries until it is saved', async () => {
    const { autosaver, calls } = harness({ retryDelaysMs: [1000, 2000] });
    autosaver.change('bản nháp');
    await vi.advanceTimersByTimeAsync(1000);
    calls[0]?.resolve({ ok: false, error: { code: 'unavailable', message: 'server gone' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(autosaver.current).toMatchObject({ kind: 'failed', retrying: true, error: { code: 'unavailable' } });
    expect(autosaver.hasUnsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    calls[1]?.resolve({ ok: false, error: { code: 'disk_full', message: 'full' } });
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[2]?.snapshot).toBe('bản nháp');
    await succeed(calls[2], 2);
    expect(autosaver.current.kind).toBe('saved');
  });

  it('a save that throws counts as a failure, not a crash', async () => {
    const autosaver = new Autosaver<string>({ baseVersion: 1, save: () => Promise.reject(new Error('network down')) });
    autosaver.change('x');
    expect(await autosaver.flush()).toBe(false);
    expect(autosaver.current).toMatchObject({
      kind: 'failed',
      error: { code: 'unavailable', message: 'network down' },
    });
    autosaver.dispose();
  });

  it('does not retry a conflict: a newer version exists elsewhere', async () => {
    const { autosaver, calls } = harness();
    autosaver.change('stale');
    await vi.advanceTimersByTimeAsync(1000);
    calls[0]?.resolve({ ok: false, error: { code: 'conflict', message: 'changed elsewhere' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(autosaver.current).toMatchObject({ kind: 'failed', retrying: false });
    expect(autosaver.hasUnsaved).toBe(true);
  });

  it('saves nothing during an IME composition, and saves when it ends', async () => {
    const { autosaver, calls } = harness();
    autosaver.setComposing(true);
    autosaver.change('Vi');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(0);
    autosaver.change('Việt');
    autosaver.setComposing(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((call) => call.snapshot)).toEqual(['Việt']);
  });

  it('flush saves at once and waits for the commit (switching articles, closing)', async () => {
    const { autosaver, calls } = harness();
    autosaver.change('typed just now');
    const flushed = autosaver.flush();
    expect(calls).toHaveLength(1);
    await succeed(calls[0], 2);
    await expect(flushed).resolves.toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });

  it('flush during a save waits for it and then saves what came after', async () => {
    const { autosaver, calls } = harness();
    autosaver.change('a');
    await vi.advanceTimersByTimeAsync(1000);
    autosaver.change('ab');
    const flushed = autosaver.flush();
    await succeed(calls[0], 2);
    expect(calls[1]).toMatchObject({ snapshot: 'ab', baseVersion: 2 });
    await succeed(calls[1], 3);
    await expect(flushed).resolves.toBe(true);
  });

  it('notifies listeners only when the state changes, not per keystroke', () => {
    const { autosaver } = harness();
    const heard: string[] = [];
    autosaver.subscribe((state) => heard.push(state.kind));
    for (let index = 0; index < 50; index += 1) autosaver.change(`k${index}`);
    expect(heard).toEqual(['unsaved']);
  });
});
