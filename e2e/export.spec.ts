import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectSaved, headline, lead, newArticle, openNewArticle, test } from './support/fixtures';
import { photo } from './support/photos';

test('export for publication: the preflight says what to fix and goes there; then the package is written', async ({
  page,
  serve,
  dataDir,
}) => {
  await openNewArticle(page, serve);
  await headline(page).click();
  await page.keyboard.type('Hội nghị tổng kết');
  await expectSaved(page);

  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('preflight-summary')).toHaveText(
    '1 error(s) to fix before publishing, 1 warning(s).',
  );
  await expect(dialog.getByTestId('export-run')).toBeDisabled();
  // In the page's language: the same list in Vietnamese.
  await page.getByLabel('Language').selectOption('vi');
  await expect(dialog.getByTestId('preflight').locator('li')).toHaveText([
    'Lỗi: Thiếu sapo.',
    'Cảnh báo: Bài đang ở trạng thái Bản nháp, chưa được duyệt.',
  ]);
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await dialog.getByRole('button', { name: 'Error: The lead (sapo) is missing.' }).click();
  // The editor is at the lead (once the page shows it there), and typing goes there.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          Boolean(window.getSelection()?.anchorNode?.parentElement?.closest('[data-testid=lead]')) &&
          document.activeElement?.getAttribute('data-testid') === 'editor',
      ),
    )
    .toBe(true);
  await page.keyboard.type('Chiều 24/12, Tổng cục tổ chức Hội nghị.');
  await expect(lead(page)).toHaveText('Chiều 24/12, Tổng cục tổ chức Hội nghị.');
  await dialog.getByTestId('export-close').click();
  await expectSaved(page);

  await page.getByTestId('export-open').click();
  await expect(dialog.getByTestId('preflight-summary')).toHaveText(
    '0 error(s) to fix before publishing, 1 warning(s).',
  );
  await dialog.getByTestId('export-run').click();
  await expect(dialog.getByTestId('export-done')).toContainText('Exported 4 files to');
  const exports = readdirSync(join(dataDir, 'exports'));
  expect(exports).toHaveLength(1);
  for (const file of ['index.html', 'fragment.html', 'article.json', 'manifest.json'])
    expect(existsSync(join(dataDir, 'exports', exports[0] ?? '', file))).toBe(true);
});

test('the export dialog: the page previewed live in a sandboxed frame with the desk settings, progress while the images are made, then open folder', async ({
  page,
  serve,
  dataDir,
}, testInfo) => {
  // Four camera-sized photos are made, imported and exported: about a minute on two cores.
  test.setTimeout(180_000);
  // The test's own output folder (Playwright empties it before each run), for the source photos and the file manager.
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  // The file manager the server starts for "open folder": a script that writes down what it was asked to show.
  const opened = join(dir, 'opened.txt');
  const fileManager = join(dir, 'file-manager.sh');
  writeFileSync(fileManager, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 });
  const credits = [
    '-XMP-dc:Creator=Minh Tuấn',
    '-XMP-iptcCore:AltTextAccessibility=Quang cảnh Hội nghị.',
    '-XMP-dc:Description=Quang cảnh Hội nghị.',
  ];
  // Camera-sized, so making their renditions takes long enough to be seen.
  const files = await Promise.all(
    ['#a33', '#3a3', '#33a', '#aa3'].map((colour, index) =>
      photo(dir, `anh-${index + 1}.jpg`, colour, credits, 4000, true),
    ),
  );

  const server = await serve({ env: { NEWSROOM_FILE_MANAGER: fileManager } });
  await page.goto(server.url);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-site-url').fill('https://qdnd.vn/tin');
  await page.getByTestId('setting-comment-form').check();
  await page.getByTestId('setting-comment-action').fill('https://qdnd.vn/binh-luan');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('settings')).toHaveCount(0);

  await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Hội nghị tổng kết');
  await lead(page).click();
  await page.keyboard.type('Chiều 24/12, Tổng cục tổ chức Hội nghị.');
  await page.getByTestId('tab-photos').click();
  await page.getByTestId('photo-files').setInputFiles(files);
  await expect(page.getByTestId('photo-progress')).toContainText('4 imported', { timeout: 60_000 });
  for (let index = 0; index < 4; index += 1) {
    await page.getByTestId('photo-cell').nth(index).click();
    await page.getByTestId('photo-insert').click();
  }
  await expect(page.getByTestId('figure')).toHaveCount(4);
  await expectSaved(page);

  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('preflight-summary')).toHaveText(
    '0 error(s) to fix before publishing, 1 warning(s).',
  );
  // The preview: the page the export writes, in a frame where nothing runs.
  const frame = dialog.getByTestId('export-preview');
  await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin');
  const preview = page.frameLocator('[data-testid=export-preview]');
  await expect(preview.locator('h1')).toHaveText('Hội nghị tổng kết');
  await expect(preview.locator('figure')).toHaveCount(4);
  await expect(preview.locator('figcaption').first()).toHaveText('Quang cảnh Hội nghị. Ảnh: MINH TUẤN');
  await expect(preview.locator('.credit-line')).toHaveText('Ảnh: MINH TUẤN');
  await expect(preview.locator('form')).toHaveAttribute('action', 'https://qdnd.vn/binh-luan');
  await expect(preview.locator('label')).toHaveText(['Họ và tên *', 'Đơn vị', 'Điện thoại *', 'Email *', 'Nội dung']);
  // Its stylesheet applies (the page's CSP allows exactly it, by hash) and its images load.
  await expect(preview.locator('h1')).toHaveCSS('font-size', '32px');
  await expect(preview.locator('article')).toHaveCSS('max-width', '672px');
  await expect
    .poll(() =>
      preview
        .locator('img')
        .first()
        .evaluate((image: HTMLImageElement) => image.naturalWidth),
    )
    .toBeGreaterThan(0);
  // While nothing changes the frame is not reloaded (a mark left in its document stays).
  await preview.locator('body').evaluate((body) => body.setAttribute('data-mark', 'kept'));
  await page.waitForTimeout(2500);
  await expect(preview.locator('body')).toHaveAttribute('data-mark', 'kept');
  // Live: what is typed appears in the preview without saving first.
  await lead(page).click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('End');
  await page.keyboard.type(' Đại biểu dự đông đủ.');
  await expect(preview.locator('.lead')).toHaveText('Chiều 24/12, Tổng cục tổ chức Hội nghị. Đại biểu dự đông đủ.');
  await expectSaved(page);

  await dialog.getByTestId('export-run').click();
  await expect(dialog.getByTestId('export-busy')).toContainText(/Making the images: \d+ of 24/);
  await expect(dialog.getByTestId('export-done')).toContainText('Exported 28 files to', { timeout: 60_000 });
  const [name] = readdirSync(join(dataDir, 'exports'));
  const packageDir = join(dataDir, 'exports', name ?? '');
  expect(readFileSync(join(packageDir, 'index.html'), 'utf8')).toContain(
    '<link rel="canonical" href="https://qdnd.vn/tin/hoi-nghi-tong-ket/">',
  );
  await dialog.getByTestId('export-open-folder').click();
  await expect.poll(() => (existsSync(opened) ? readFileSync(opened, 'utf8') : '')).toBe(packageDir);
  await expect(dialog.getByTestId('open-folder-failed')).toHaveCount(0);
});
