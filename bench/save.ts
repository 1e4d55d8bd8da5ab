// Saving a 10,000-word article through the core (contract validation, NFC, JSON, SQLite commit):
// p50/p95 with synchronous=FULL through the shells' path (the change ledger noted after each save),
// against synchronous=NORMAL and against the core alone without the ledger, in the same run.
// Run: npm run bench:save   (ROUNDS=300 to change the number of saves per arm)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bodyText, paragraph } from '../shared/article/article';
import { openArchive } from '../electron/core/archive/openArchive';
import { startArchive } from '../electron/core/archiveService';
import { createCore } from '../electron/core/createCore';
import type { Handlers } from '../electron/core/createCore';
import { dispatch } from '../electron/core/dispatch';
import { ms, percentile } from './lib/stats';
import { vietnameseBody } from './lib/vietnameseText';

const rounds = Number(process.env.ROUNDS ?? 50);
const body = vietnameseBody(10_000);
const words = bodyText(body).split(/\s+/).length;

type Arm = 'FULL' | 'NORMAL' | 'FULL, no ledger';

/** The shells' path (startArchive: the change ledger noted after each save), or the core alone. */
async function open(dir: string, arm: Arm): Promise<{ handlers: Handlers; close: () => void }> {
  if (arm === 'FULL, no ledger') {
    const db = openArchive(join(dir, 'archive.sqlite3'), { synchronous: 'FULL' });
    return { handlers: createCore(db), close: () => db.close() };
  }
  return startArchive(dir, { archive: { synchronous: arm } });
}

async function measure(arm: Arm): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-bench-save-'));
  const { handlers, close } = await open(dir, arm);
  const created = await dispatch(handlers, 'articles.create', { headline: 'Benchmark' });
  if (!created.ok) throw new Error(created.error.message);
  const id = (created.value as { id: number }).id;
  let version = 1;
  const samples: number[] = [];
  for (let round = 0; round < rounds + 10; round += 1) {
    // Each save differs, as typing makes it: the last paragraph grows by a word.
    const edited = [...body.slice(0, -1), paragraph(`${bodyText(body.slice(-1))} lần ${round}`)];
    const start = performance.now();
    const saved = await dispatch(handlers, 'articles.save', {
      id,
      baseVersion: version,
      headline: 'Benchmark',
      body: edited,
    });
    const elapsed = performance.now() - start;
    if (!saved.ok) throw new Error(saved.error.message);
    version += 1;
    if (round >= 10) samples.push(elapsed);
  }
  close();
  rmSync(dir, { recursive: true, force: true });
  return samples;
}

// The arms alternate in rounds, so that neither gets the quieter moments of the machine.
const full: number[] = [];
const normal: number[] = [];
const bare: number[] = [];
for (let turn = 0; turn < 4; turn += 1) {
  bare.push(...(await measure('FULL, no ledger')));
  full.push(...(await measure('FULL')));
  normal.push(...(await measure('NORMAL')));
}
const row = (name: string, samples: number[]) =>
  `${name.padEnd(28)} p50 ${ms(percentile(samples, 50)).padStart(10)}   p95 ${ms(percentile(samples, 95)).padStart(10)}`;
const ratio = (a: number[], b: number[]) =>
  `p50 ×${(percentile(a, 50) / percentile(b, 50)).toFixed(2)}, p95 ×${(percentile(a, 95) / percentile(b, 95)).toFixed(2)}`;

console.log(
  `Saving a ${words}-word article (${body.length} paragraphs, ${JSON.stringify(body).length} bytes of JSON), ${rounds * 4} saves per arm in four turns, in ${tmpdir()}`,
);
console.log(row('synchronous=FULL', full));
console.log(row('synchronous=NORMAL', normal));
console.log(row('FULL, core without the ledger', bare));
console.log(`FULL / NORMAL: ${ratio(full, normal)}`);
console.log(`FULL / FULL without the ledger note: ${ratio(full, bare)}`);
console.log(`Target p95 ≤ 5 ms with FULL: ${percentile(full, 95) <= 5 ? 'met' : 'NOT met'}`);
