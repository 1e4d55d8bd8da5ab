import { describe, expect, it } from 'vitest';
import { quitSequence } from './quitSequence';
import type { QuitSteps } from './quitSequence';

function steps(flush: () => Promise<boolean>, answers: boolean[] = []) {
  const log: string[] = [];
  const sequence = quitSequence({
    requestFlush: () => {
      log.push('flush');
      return flush();
    },
    confirmQuit: (outcome) => {
      log.push(`ask:${outcome}`);
      return Promise.resolve(answers.shift() ?? true);
    },
    closeArchive: () => log.push('close'),
    quit: () => log.push('quit'),
    boundMs: 100,
  } satisfies QuitSteps);
  return { sequence, log };
}

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('quitting the desktop app', () => {
  it('holds the quit until the page has saved, closes the archive, then quits', async () => {
    const { sequence, log } = steps(() => later(20, true));
    expect(sequence.beforeQuit()).toBe(false);
    expect(sequence.beforeQuit()).toBe(false);
    await sequence.settled();
    expect(log).toEqual(['flush', 'close', 'quit']);
    expect(sequence.beforeQuit()).toBe(true);
  });

  it('asks when the page does not save in time, and keeps working if told so', async () => {
    const { sequence, log } = steps(() => later(1_000, true), [false, true]);
    expect(sequence.beforeQuit()).toBe(false);
    await sequence.settled();
    expect(log).toEqual(['flush', 'ask:timeout']);
    // Nothing closed: the next quit tries again.
    expect(sequence.beforeQuit()).toBe(false);
    await sequence.settled();
    expect(log).toEqual(['flush', 'ask:timeout', 'flush', 'ask:timeout', 'close', 'quit']);
  });

  it('asks when the save failed (or the page threw), and quits when told to', async () => {
    const failed = steps(() => Promise.resolve(false));
    failed.sequence.beforeQuit();
    await failed.sequence.settled();
    expect(failed.log).toEqual(['flush', 'ask:failed', 'close', 'quit']);

    const threw = steps(() => Promise.reject(new Error('page gone')));
    threw.sequence.beforeQuit();
    await threw.sequence.settled();
    expect(threw.log).toEqual(['flush', 'ask:failed', 'close', 'quit']);
  });
});
