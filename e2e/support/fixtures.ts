import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, startServer } from './server';
import type { ServeOptions, ServerProcess } from './server';

export interface StoredArticle {
  id: number;
  headline: string;
  version: number;
  status: string;
  /** The lead as plain text. */
  leadText: string;
  /** The body as plain text, a line per block. */
  text: string;
}

interface Fixtures {
  dataDir: string;
  /** Servers started by this test; all stopped after it. */
  serve: (options?: ServeOptions) => Promise<ServerProcess>;
  /** What the archive holds, read by the CLI from the same data folder. */
  stored: (id: number) => StoredArticle;
  /** Console errors and page errors; a test that expects some clears them. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function takes from its first parameter.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  serve: async ({ dataDir }, use) => {
    const servers: ServerProcess[] = [];
    await use(async (options) => {
      const server = await startServer(dataDir, options);
      servers.push(server);
      return server;
    });
    await Promise.all(servers.map((server) => server.stop()));
  },
  stored: async ({ dataDir }, use) => {
    await use(
      (id) =>
        JSON.parse(
          execFileSync(process.execPath, [cliPath, 'article', 'show', String(id), '--json', '--data-dir', dataDir], {
            encoding: 'utf8',
          }),
        ) as StoredArticle,
    );
  },
  // Depends on serve so it is torn down first: errors are judged while the servers still run.
  pageErrors: [
    async ({ page, serve }, use) => {
      void serve;
      const errors: string[] = [];
      page.on('console', (message) => {
        // Playwright's trace snapshots try a script in every frame; the export preview's frame is
        // sandboxed without scripts and says so (seen with tracing on, never without it).
        if (message.type() === 'error' && !message.text().startsWith("Blocked script execution in 'about:srcdoc'"))
          errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors (CSP violations, exceptions)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const editor = (page: Page) => page.getByTestId('editor');
export const headline = (page: Page) => page.getByTestId('headline');
export const lead = (page: Page) => page.getByTestId('lead');
export const paragraphs = (page: Page) => page.locator('[data-testid=editor] p.paragraph');
export const saveStatus = (page: Page) => page.getByTestId('save-status');

export async function expectSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
}

/** Starts the browser edition on the test's data folder, opens it, and starts a new article. */
export async function openNewArticle(
  page: Page,
  serve: Fixtures['serve'],
): Promise<{ server: ServerProcess; id: number }> {
  const server = await serve();
  await page.goto(server.url);
  return { server, id: await newArticle(page) };
}

export async function newArticle(page: Page): Promise<number> {
  const before = await page.locator('[data-article-id]').count();
  await page.getByTestId('new-article').click();
  await expect(page.locator('[data-article-id]')).toHaveCount(before + 1);
  await expect(headline(page)).toBeVisible();
  const current = page.locator('[data-article-id][aria-current=true]');
  return Number(await current.getAttribute('data-article-id'));
}

export const openArticle = (page: Page, id: number) => page.locator(`[data-article-id="${id}"]`).click();

/**
 * Grow the selection backwards by `count` characters with Shift+ArrowLeft, one press at a time,
 * each once the previous one shows, as a person watching the selection would. Under CPU load
 * slate-react can lose a step (a late selectionchange from the step before puts its selection
 * back); a person would press again, and so does this, until the selection has the length asked
 * for and keeps it past Slate's selection throttle.
 */
export async function selectBackwards(page: Page, count: number): Promise<void> {
  const selected = () => page.evaluate(() => [...(window.getSelection()?.toString() ?? '')].length);
  const target = (await selected()) + count;
  await page.keyboard.down('Shift');
  for (let presses = 0; presses < count * 3; presses += 1) {
    const now = await selected();
    if (now === target) {
      await page.waitForTimeout(250);
      if ((await selected()) === target) break;
      continue;
    }
    await page.keyboard.press(now < target ? 'ArrowLeft' : 'ArrowRight');
    await expect
      .poll(selected, { timeout: 2_000 })
      .not.toBe(now)
      .catch(() => undefined);
  }
  await page.keyboard.up('Shift');
  await expect.poll(selected).toBe(target);
}
