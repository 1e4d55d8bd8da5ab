import { expect, test } from './support/fixtures';
import { runKillHarness } from './support/killHarness';

// 50 SIGKILLs of the browser edition's server in the middle of streams of saves (bench/crash.ts runs 1,000);
// after every fifth, the sqlite3 shell folds the log in before the restart, as any SQLite program would.
test('every acknowledged save survives kill -9 of the server, and the archive stays intact', async ({ dataDir }) => {
  test.setTimeout(240_000);
  let cutOff = 0;
  const result = await runKillHarness({
    dataDir,
    kills: 50,
    foldEvery: 5,
    onKill: (report) => (cutOff += report.cutOff),
  });
  expect(result.folded).toBe(10);
  expect(result.lost).toEqual([]);
  expect(result.integrity).toEqual([]);
  // The harness really did kill the server in the middle of saves, many times.
  expect(result.acknowledged).toBeGreaterThan(200);
  expect(cutOff).toBeGreaterThanOrEqual(50);
});
