import { _electron as electron } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { methodNames } from '../../shared/api/methodNames';
import { appOrigin } from '../../electron/desktop/appUrl';
import { menuTemplate } from '../../electron/desktop/menuTemplate';
import { secureWebPreferences } from '../../electron/desktop/webPreferences';
import { hostileNavigations } from '../../electron/testing/hostileUrls';
import { electronRuntime } from '../../scripts/electron-runtime.mjs';
import { expect, test } from '../support/fixtures';
import { photo } from '../support/photos';
import { repoRoot } from '../support/server';

const runtime = electronRuntime();
if (!runtime.ok) console.log(`Desktop specs skipped: ${runtime.reason}. The same journeys run in the browser edition.`);

test.describe('desktop app (Electron)', () => {
  test.skip(!runtime.ok, runtime.ok ? '' : runtime.reason);

  let dataDir: string;
  const launch = () =>
    electron.launch({ args: [join(repoRoot, 'dist', 'electron', 'main.cjs'), '--data-dir', dataDir], cwd: repoRoot });

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
    expect(bridge).toEqual([...methodNames].sort());
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await app.close();
  });

  test('the window has the secure web preferences, and the spell checker off where it would download', async () => {
    const app = await launch();
    await app.firstWindow();
    // getLastWebPreferences is Electron's own (undocumented) reading of what the window was given.
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        { getLastWebPreferences: () => Record<string, unknown> } | undefined;
      return contents?.getLastWebPreferences();
    });
    const { preload: _preload, ...expected } = secureWebPreferences('', process.platform);
    expect(preferences).toMatchObject(expected);
    await app.close();
  });

  test('hostile navigations are refused; the page stays the app', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    const home = page.url();
    expect(home).toBe(`${appOrigin}/index.html`);
    for (const url of hostileNavigations) {
      await page.evaluate((target) => {
        try {
          window.location.href = target;
        } catch {
          // A URL the page cannot even parse.
        }
      }, url);
      await page.waitForTimeout(50);
      expect(page.url(), url).toBe(home);
    }
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await app.close();
  });

  test('newsroom:// serves the build and refuses traversal', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    const statuses = await page.evaluate(
      async (urls) => Promise.all(urls.map(async (url) => (await fetch(url)).status)),
      [
        `${appOrigin}/index.html`,
        `${appOrigin}/%2e%2e/%2e%2e/package.json`,
        `${appOrigin}/..%2f..%2fpackage.json`,
        `${appOrigin}/media/..%2f..%2farchive.sqlite3`,
        `${appOrigin}/media/${'0'.repeat(64)}-thumb.webp`,
      ],
    );
    expect(statuses).toEqual([200, 404, 404, 404, 404]);
    await app.close();
  });

  test('a frame inside the page gets no bridge to the core', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>khung</p>';
      frame.name = 'inner';
      document.body.append(frame);
    });
    await expect.poll(() => page.frame({ name: 'inner' }) !== null).toBe(true);
    expect(
      await page.frame({ name: 'inner' })?.evaluate(() => typeof (window as { newsroom?: unknown }).newsroom),
    ).toBe('undefined');
    await app.close();
  });

  test('the menu has the File commands in the system language, and New article starts an article', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    const locale = await app.evaluate(({ app: electronApp }) => electronApp.getLocale());
    const expected = menuTemplate(process.platform, locale, {
      newArticle: () => undefined,
      importDocument: () => undefined,
      importPhotos: () => undefined,
    });
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
    expect(labels).toEqual(expect.arrayContaining(expected.flatMap((item) => (item.label ? [item.label] : []))));
    const before = await page.locator('[data-article-id]').count();
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()?.items.find((item) =>
        item.submenu?.items.some((entry) => entry.accelerator === 'CmdOrCtrl+N'),
      );
      file?.submenu?.items.find((entry) => entry.accelerator === 'CmdOrCtrl+N')?.click();
    });
    await expect(page.locator('[data-article-id]')).toHaveCount(before + 1);
    await app.close();
  });

  test('Import document… reads the chosen file by path in the main process and opens the article', async () => {
    const file = join(dataDir, 'Bài từ phóng viên.txt');
    writeFileSync(
      file,
      'Hội nghị tổng kết công tác Đảng\n\nChiều 24/12, tại Hà Nội, hội nghị đã diễn ra với sự tham dự của nhiều đại biểu.\n',
    );
    const app = await launch();
    const page = await app.firstWindow();
    await app.evaluate(({ dialog, Menu }, chosen) => {
      dialog.showOpenDialog = () => Promise.resolve({ canceled: false, filePaths: [chosen] });
      const file = Menu.getApplicationMenu()?.items.find((item) =>
        item.submenu?.items.some((entry) => entry.accelerator === 'CmdOrCtrl+O'),
      );
      file?.submenu?.items.find((entry) => entry.accelerator === 'CmdOrCtrl+O')?.click();
    }, file);
    await expect(page.locator('[data-testid=editor]')).toContainText('Chiều 24/12, tại Hà Nội');
    await app.close();
  });

  test('a photo dropped on the library is imported (the page hands the main process its path)', async () => {
    const file = await photo(dataDir, 'Ảnh thả vào.jpg', '#2a6', ['-XMP-dc:Creator=Minh Tuấn']);
    const app = await launch();
    const page = await app.firstWindow();
    await page.getByTestId('tab-photos').click();
    // Files from the disk (set on a file input) carry their path, as a real drop's do.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'dropped';
      document.body.append(input);
    });
    await page.setInputFiles('#dropped', file);
    await page.evaluate(() => {
      const input = document.getElementById('dropped') as HTMLInputElement;
      const transfer = new DataTransfer();
      for (const dropped of input.files ?? []) transfer.items.add(dropped);
      const library = document.querySelector('[data-testid=photo-library]');
      library?.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      library?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await expect(page.getByTestId('photo-cell')).toHaveCount(1);
    await expect(page.getByTestId('photo-cell').first()).toContainText('Minh Tuấn');
    await app.close();
  });

  test('quitting at once after typing keeps every keystroke', async () => {
    let app: ElectronApplication = await launch();
    let page = await app.firstWindow();
    await page.getByTestId('new-article').click();
    await page.getByTestId('headline').click();
    await page.keyboard.type('Thoát ngay sau khi gõ chữ cuối cùng');
    // Ctrl+Q's way out, with the autosave still pending: the quit waits for the commit.
    const closed = new Promise<void>((resolve) => app.once('close', () => resolve()));
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await closed;

    app = await launch();
    page = await app.firstWindow();
    await page.locator('[data-article-id]').first().click();
    await expect(page.getByTestId('headline')).toHaveText('Thoát ngay sau khi gõ chữ cuối cùng');
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

// The packaged binary (npm run dist -- --dir), where one was built: its fuses as electron-builder flipped them.
const packaged = join(repoRoot, 'release', 'linux-unpacked', 'newsroom');

test.describe('the packaged desktop app', () => {
  test.skip(
    !existsSync(packaged),
    `no packaged app at ${packaged} (npm run dist -- --dir builds it where Electron can be downloaded)`,
  );

  test('has its security fuses flipped', async () => {
    const wire = await getCurrentFuseWire(packaged);
    // The wire's bytes: '0' off, '1' on (@electron/fuses' FuseState, which its index does not export).
    const off = '0'.charCodeAt(0);
    const on = '1'.charCodeAt(0);
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
  });
});
