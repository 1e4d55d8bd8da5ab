// Saving a 10,000-word article through the core (contract validation, NFC, JSON, SQLite commit):
// p50/p95 with synchronous=FULL, against synchronous=NORMAL measured in the same run.
// Run: npm run bench:save   (ROUNDS=300 to change the number of saves per arm)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bodyText, paragraph } from '../shared/article/article';
import { openArchive } from '../electron/core/archive/openArchive';
import { createCore } from '../electron/core/createCore';
import { dispatch } from '../electron/core/dispatch';
import { ms, percentile } from './lib/stats';
import { vietnameseBody } from './lib/vietnameseText';

const rounds = Number(process.env.ROUNDS ?? 200);
const body = vietnameseBody(10_000);
const words = bodyText(body).split(/\s+/).length;

async function measure(synchronous: 'FULL' | 'NORMAL'): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), `newsroom-bench-${synchronous}-`));
  const db = openArchive(join(dir, 'archive.sqlite3'), { synchronous });
  const handlers = createCore(db);
  const created = await dispatch(handlers, 'articles.create', { headline: 'Benchmark' });
  if (!created.ok) throw new Error(created.error.message);
  let version = 1;
  const samples: number[] = [];
  for (let round = 0; round < rounds + 10; round += 1) {
    // Each save differs, as typing makes it: the last paragraph grows by a word.
    const edited = [...body.slice(0, -1), paragraph(`${bodyText(body.slice(-1))} lần ${round}`)];
    const start = performance.now();
    const saved = await dispatch(handlers, 'articles.save', { id: 1, baseVersion: version, headline: 'Benchmark', body: edited });
    const elapsed = performance.now() - start;
    if (!saved.ok) throw new Error(saved.error.message);
    version += 1;
    if (round >= 10) samples.push(elapsed);
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return samples;
}

const full = await measure('FULL');
const normal = await measure('NORMAL');
const row = (name: string, samples: number[]) =>
  `${name.padEnd(18)} p50 ${ms(percentile(samples, 50)).padStart(10)}   p95 ${ms(percentile(samples, 95)).padStart(10)}`;

console.log(`Saving a ${words}-word article (${body.length} paragraphs, ${JSON.stringify(body).length} bytes of JSON), ${rounds} saves per arm, in ${tmpdir()}`);
console.log(row('synchronous=FULL', full));
console.log(row('synchronous=NORMAL', normal));
console.log(`FULL / NORMAL: p50 ×${(percentile(full, 50) / percentile(normal, 50)).toFixed(2)}, p95 ×${(percentile(full, 95) / percentile(normal, 95)).toFixed(2)}`);
console.log(`Target p95 ≤ 5 ms with FULL: ${percentile(full, 95) <= 5 ? 'met' : 'NOT met'}`);
