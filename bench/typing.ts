// Typing latency in the editor, keydown to the next frame (requestAnimationFrame after the
// keydown's event timestamp; for a letter that arrives as text alone, after its beforeinput's),
// typing 50 characters in the middle of articles of 200, 2,000 and 10,000 blocks, in Debian
// Chromium. Peers in the same run: a plain contenteditable with the same paragraphs (the
// floor), and the app's Slate editor with chunking on and off.
// Also counts, per keystroke, the React components that rendered outside the editor pane.
// Run: npm run bench:typing   (SIZES=200,2000 to choose sizes)
import { chromium } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockLines } from '../shared/article/article';
import { chromiumPath } from '../e2e/playwright.config';
import { callApi, startServer } from '../e2e/support/server';
import { ms, percentile } from './lib/stats';
import { vietnameseBody } from './lib/vietnameseText';

const sizes = (process.env.SIZES ?? '200,2000,10000').split(',').map(Number);
/**
 * PROFILE=FILE: a V8 CPU profile of the timed keystrokes of the largest article with chunking
 * on, written to FILE, and the functions with the most self time printed. For readable names,
 * build the page unminified first and run the script directly:
 * `npx vite build --config renderer/vite.config.ts --minify false && SIZES=10000 PROFILE=/tmp/typing.cpuprofile npx tsx bench/typing.ts`.
 */
const profileFile = process.env.PROFILE;
const typed = 'tổng kết công tác năm đã qua và nhiệm vụ năm tới a';

/** Installed before any page script: frame timing per keydown, and a React commit observer. */
const instrumentation = () => {
  // `observe`: the React commit observer walks the whole fiber tree on every commit, which costs
  // time inside the frames being measured, so it runs only in a separate pass that counts renders.
  const state = { samples: [] as number[], regions: {} as Record<string, number>, keys: 0, observe: false };
  (window as unknown as { bench: typeof state }).bench = state;
  const sample = (start: number) => {
    state.keys += 1;
    requestAnimationFrame((frame) => state.samples.push(frame - start));
  };
  // A letter with a mark (ổ, ế…) has no key on the keyboard Playwright drives: it arrives as
  // text alone, with no keydown, so its sample starts at its beforeinput event instead.
  let keyDown = false;
  document.addEventListener('keydown', (event) => ((keyDown = true), sample(event.timeStamp)), true);
  document.addEventListener('keyup', () => (keyDown = false), true);
  document.addEventListener('beforeinput', (event) => keyDown || sample(event.timeStamp), true);
  interface Fiber {
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
    type: unknown;
    stateNode: unknown;
    memoizedProps: unknown;
    memoizedState: unknown;
  }
  // A component rendered in a commit if its props or its hook state are new objects since the
  // last commit (React's PerformedWork flag stays set on fibers that bailed out, so it cannot tell).
  const seen = new WeakMap<Fiber, { props: unknown; state: unknown }>();
  const rendered = (fiber: Fiber): boolean => {
    const last = seen.get(fiber) ?? (fiber.alternate ? seen.get(fiber.alternate) : undefined);
    const now = { props: fiber.memoizedProps, state: fiber.memoizedState };
    seen.set(fiber, now);
    if (fiber.alternate) seen.set(fiber.alternate, now);
    return last !== undefined && (last.props !== now.props || last.state !== now.state);
  };
  const hostOf = (fiber: Fiber): Element | null => {
    for (let node: Fiber | null = fiber; node; node = node.child)
      if (node.stateNode instanceof Element) return node.stateNode;
    return null;
  };
  const regionOf = (element: Element | null): string => {
    if (!element) return 'none';
    for (const region of ['editor-pane', 'inspector', 'archive', 'app-header'])
      if (element.closest(`.${region}`)) return region;
    return 'app';
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: object }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      if (!state.observe) return;
      const counting = state.keys > 0;
      const visit = (fiber: Fiber | null) => {
        for (let node = fiber; node; node = node.sibling) {
          if (typeof node.type === 'function' && rendered(node) && counting) {
            const region = regionOf(hostOf(node));
            state.regions[region] = (state.regions[region] ?? 0) + 1;
          }
          visit(node.child);
        }
      };
      visit(root.current.child);
    },
  };
};

/** tsx keeps function names with a `__name` helper that serialized functions carry into the page. */
const nameShim = 'window.__name = (fn) => fn;';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The ten functions with the most self time in a V8 CPU profile, one a line. */
function selfTimes(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  (profile.samples ?? []).forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const name = frame
      ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`
      : '?';
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000);
  });
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n');
}
let profileSummary: string | undefined;

/** Resolves after the page has drawn two frames: whatever a keystroke scheduled has run. */
const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

type Bench = { samples: number[]; regions: Record<string, number>; keys: number; observe: boolean };

/** Types the 50 characters; with `observe`, React commits are watched (and the timings are not used). */
async function typeInMiddle(
  page: Page,
  target: Locator,
  observe = false,
): Promise<{ samples: number[]; regions: Record<string, number> }> {
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press('End');
  if (observe) {
    // One keystroke first, so every component has been seen once before renders are counted.
    await page.evaluate(() => ((window as unknown as { bench: Bench }).bench.observe = true));
    await page.keyboard.type(' ');
  }
  // The sample of the last key pressed above is in before the reset.
  await twoFrames(page);
  await page.evaluate(() => {
    const bench = (window as unknown as { bench: Bench }).bench;
    bench.samples.length = 0;
    bench.regions = {};
    bench.keys = 0;
  });
  for (const character of typed) {
    await page.keyboard.type(character);
    await twoFrames(page);
  }
  return page.evaluate(() => {
    const bench = (window as unknown as { bench: Bench }).bench;
    return { samples: [...bench.samples], regions: { ...bench.regions } };
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'newsroom-bench-typing-'));
const server = await startServer(dataDir, { port: 0 });

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
const rows: string[] = [];
const row = (name: string, samples: number[], extra = '') =>
  rows.push(
    `${name.padEnd(34)} n ${samples.length}  p50 ${ms(percentile(samples, 50)).padStart(9)}  p95 ${ms(percentile(samples, 95)).padStart(9)}  ${extra}`,
  );

for (const size of sizes) {
  const body = vietnameseBody(size * 20, 20);
  const { id } = await callApi<{ id: number }>(server, 'articles.create', { headline: `Bench ${size}` });
  await callApi(server, 'articles.save', { id, baseVersion: 1, body });
  const middle = Math.floor(size / 2);

  const plain = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const paragraphs = body
    .flatMap(blockLines)
    .map((line) => `<p>${line}</p>`)
    .join('');
  await plain.setContent(
    `<!doctype html><meta charset="utf-8"><div contenteditable="true" id="e" style="max-width:46rem;margin:auto">${paragraphs}</div>`,
  );
  await plain.evaluate(nameShim);
  await plain.evaluate(instrumentation);
  const floor = await typeInMiddle(plain, plain.locator('#e > p').nth(middle));
  await plain.close();
  row(`${size} blocks: plain contenteditable`, floor.samples);

  for (const chunking of ['on', 'off']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript({ content: nameShim });
    await page.addInitScript(instrumentation);
    await page.addInitScript(
      ([articleId, flag]) => {
        localStorage.setItem('newsroom.lastArticle', String(articleId));
        localStorage.setItem('newsroom.debug.chunking', String(flag));
      },
      [id, chunking] as const,
    );
    await page.goto(server.url);
    await page.locator('[data-testid=editor] p.paragraph').first().waitFor();
    const profiling =
      profileFile !== undefined && chunking === 'on' && size === Math.max(...sizes)
        ? await page.context().newCDPSession(page)
        : undefined;
    if (profiling) {
      await profiling.send('Profiler.enable');
      await profiling.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiling.send('Profiler.start');
    }
    const slate = await typeInMiddle(page, page.locator('[data-testid=editor] p.paragraph').nth(middle));
    if (profiling && profileFile) {
      const { profile } = await profiling.send('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      profileSummary = selfTimes(profile);
    }
    const counted = await typeInMiddle(page, page.locator('[data-testid=editor] p.paragraph').nth(middle), true);
    await page.close();
    const perKey = (region: string) => ((counted.regions[region] ?? 0) / typed.length).toFixed(2);
    row(
      `${size} blocks: Slate, chunking ${chunking}`,
      slate.samples,
      `×${(percentile(slate.samples, 95) / percentile(floor.samples, 95)).toFixed(2)} of floor p95; slowest ${[
        ...slate.samples,
      ]
        .sort((a, b) => b - a)
        .slice(0, 4)
        .map((sample) => sample.toFixed(0))
        .join(
          '/',
        )} ms; renders/key: app ${perKey('app')}, archive ${perKey('archive')}, header ${perKey('app-header')}, inspector ${perKey('inspector')}, editor ${perKey('editor-pane')}`,
    );
  }
  rows.push('');
}
await browser.close();
await server.stop();
rmSync(dataDir, { recursive: true, force: true });
console.log(
  `Typing ${typed.length} characters in the middle of the article, keydown → next frame, Debian Chromium headless`,
);
for (const line of rows) console.log(line);
console.log('Targets: p95 ≤ 16.7 ms at 2,000 blocks and ≤ 33 ms at 10,000; Slate p95 ≤ 2× plain at 2,000.');
if (profileSummary)
  console.log(
    `\nCPU profile (${profileFile}), self time while typing, largest article, chunking on:\n${profileSummary}`,
  );
