// Browser edition: from spawning `newsroom serve` to an editable article in Chromium
// (the server's line printed, page loaded, the last article reopened, its editor in the DOM
// and editable). Peer in the same run: a bare Node http server serving a one-line editable
// page (the floor for "start a Node process and show a page"). Chromium and its tab are
// open before timing starts, as a user's browser is; readiness is detected inside the page
// (requestAnimationFrame polling), not through Playwright's click checks.
// Run: npm run bench:startup   (RUNS=15 to change the number of runs)
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromiumPath } from '../e2e/playwright.config';
import { cliPath, startServer } from '../e2e/support/server';
import { ms, percentile } from './lib/stats';

const runs = Number(process.env.RUNS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'newsroom-bench-startup-'));
execFileSync(process.execPath, [cliPath, 'article', 'new', '--headline', 'Hội nghị tổng kết', '--data-dir', dataDir]);

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const port = 47_391;
const page = await browser.newPage();
const editableArticle = () =>
  page.waitForFunction(
    () => Boolean(document.querySelector('[data-testid=headline]')?.closest('[contenteditable=true]')),
    undefined,
    { polling: 'raf' },
  );

async function newsroomRun(first: boolean): Promise<{ serverReady: number; editable: number }> {
  await page.goto('about:blank');
  const start = performance.now();
  const server = await startServer(dataDir, { port });
  const serverReady = performance.now() - start;
  await page.goto(server.url, { waitUntil: 'commit' });
  // The first visit opens the article by hand; later runs reopen it as a returning user's would.
  if (first) await page.locator('[data-article-id]').first().click();
  await editableArticle();
  const editable = performance.now() - start;
  await server.stop();
  return { serverReady, editable };
}

const floorServer = `
const http = require('node:http');
const server = http.createServer((q, r) => r.end('<!doctype html><title>x</title><p contenteditable id=e>x</p>'));
server.listen(${port + 1}, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
`;

async function floorRun(): Promise<number> {
  await page.goto('about:blank');
  const start = performance.now();
  const child = spawn(process.execPath, ['-e', floorServer]);
  const url = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('#e[contenteditable]') !== null, undefined, {
    polling: 'raf',
  });
  const elapsed = performance.now() - start;
  child.kill();
  await new Promise((resolve) => child.once('exit', resolve));
  return elapsed;
}

const ours: { serverReady: number; editable: number }[] = [];
const floor: number[] = [];
await newsroomRun(true);
await floorRun();
for (let run = 0; run < runs; run += 1) {
  ours.push(await newsroomRun(false));
  floor.push(await floorRun());
}
await browser.close();
rmSync(dataDir, { recursive: true, force: true });

const editable = ours.map((run) => run.editable);
const ready = ours.map((run) => run.serverReady);
console.log(`Browser edition start-up, ${runs} runs (after one warm-up each), Chromium and its tab already open`);
console.log(
  `newsroom serve: line printed      p50 ${ms(percentile(ready, 50)).padStart(10)}   p95 ${ms(percentile(ready, 95)).padStart(10)}`,
);
console.log(
  `newsroom: editable article         p50 ${ms(percentile(editable, 50)).padStart(10)}   p95 ${ms(percentile(editable, 95)).padStart(10)}`,
);
console.log(
  `floor (bare node + 1-line page)    p50 ${ms(percentile(floor, 50)).padStart(10)}   p95 ${ms(percentile(floor, 95)).padStart(10)}`,
);
console.log(`newsroom / floor: p50 ×${(percentile(editable, 50) / percentile(floor, 50)).toFixed(2)}`);
console.log(`Target ≤ 1500 ms (p95): ${percentile(editable, 95) <= 1500 ? 'met' : 'NOT met'}`);
