// Crash safety: the kill -9 harness of e2e/crash-safety.spec.ts at scale. Streams of saves to
// four articles through the browser edition's HTTP API (HTTP → core → SQLite, synchronous=FULL),
// the server SIGKILLed at a random moment 10–160 ms into each round, restarted, and checked:
// every acknowledged save is there, with exactly the text sent, and integrity_check is ok.
// Run: npm run bench:crash   (KILLS=1000 by default; SEED=n replays a run)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKillHarness } from '../e2e/support/killHarness';
import { ms, percentile } from './lib/stats';

const kills = Number(process.env.KILLS ?? 1000);
const seed = Number(process.env.SEED ?? 20261124);
const dataDir = mkdtempSync(join(tmpdir(), 'newsroom-bench-crash-'));
let cutOff = 0;
let committedUnacknowledged = 0;
const started = performance.now();
try {
  const result = await runKillHarness({
    dataDir,
    kills,
    seed,
    foldEvery: 10,
    onKill: (report) => {
      cutOff += report.cutOff;
      committedUnacknowledged += report.committedUnacknowledged;
      if (report.kill % 100 === 0) console.log(`  ${report.kill} kills…`);
    },
  });
  console.log(`kills: ${result.kills} (seed ${seed}), ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`saves acknowledged: ${result.acknowledged}`);
  console.log(
    `saves cut off by a kill: ${cutOff} (of which committed before the kill, the reply lost: ${committedUnacknowledged})`,
  );
  console.log(`acknowledged saves lost or altered: ${result.lost.length}`);
  console.log(`integrity_check failures: ${result.integrity.length}`);
  console.log(`logs folded in by the sqlite3 shell between a kill and the restart: ${result.folded}`);
  const restarts = [...result.restartMs].sort((a, b) => a - b);
  console.log(`restart to serving: p50 ${ms(percentile(restarts, 50))}, p95 ${ms(percentile(restarts, 95))}`);
  for (const line of [...result.lost, ...result.integrity].slice(0, 20)) console.log(`  ${line}`);
  process.exitCode = result.lost.length + result.integrity.length === 0 ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
