import { _electron as electron } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronRuntime } from '../../scripts/electron-runtime.mjs';
import { expect, test } from '../support/fixtures';
import { repoRoot } from '../support/server';

const runtime = electronRuntime();
if (!runtime.ok) console.log(`Desktop specs skipped: ${runtime.reason}. The same journeys run in the browser edition.`);

test.describe('desktop app (Electron)', () => {
  test.skip(!runtime.ok, runtime.ok ? '' : runtime.reason);

  let dataDir: string;
  const launch = () => electron.launch({ args: [join(repoRoot, 'dist', 'electron', 'main.cjs'), '--data-dir', dataDir], cwd: repoRoot });

  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsroom-desktop-'));
  });
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('the page is isolated: no Node, only the contract bridge, no new windows', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const bridge = await page.evaluate(() => Object.keys((window as { newsroom?: object }).newsroom ?? {}).sort());
    expect(bridge).toEqual(['articles.create', 'articles.get', 'articles.list', 'articles.save']);
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await app.close();
  });

  test('typed Vietnamese survives closing and reopening the app', async () => {
    let app: ElectronApplication = await launch();
    let page = await app.firstWindow();
    await page.getByTestId('new-article').click();
    await page.getByTestId('headline').click();
    await page.keyboard.type('Hội nghị tổng kết công tác Đảng năm 2019');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN');
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await page.locator('[data-article-id]').first().click();
    await expect(page.getByTestId('headline')).toHaveText('Hội nghị tổng kết công tác Đảng năm 2019');
    await expect(page.locator('[data-testid=editor] p.paragraph')).toHaveText(['Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN']);
    await app.close();
  });
});
