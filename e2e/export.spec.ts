import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectSaved, headline, lead, newArticle, test } from './support/fixtures';

test('export for publication: the preflight says what to fix and goes there; then the package is written', async ({ page, serve, dataDir }) => {
  const server = await serve();
  await page.goto(server.url);
  await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Hội nghị tổng kết');
  await expectSaved(page);

  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('preflight-summary')).toHaveText('1 error(s) to fix before publishing, 1 warning(s).');
  await expect(dialog.getByTestId('export-run')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Error: The lead (sapo) is missing.' }).click();
  // The editor is at the lead (once the page shows it there), and typing goes there.
  await expect
    .poll(() => page.evaluate(() => Boolean(window.getSelection()?.anchorNode?.parentElement?.closest('[data-testid=lead]')) && document.activeElement?.getAttribute('data-testid') === 'editor'))
    .toBe(true);
  await page.keyboard.type('Chiều 24/12, Tổng cục tổ chức Hội nghị.');
  await expect(lead(page)).toHaveText('Chiều 24/12, Tổng cục tổ chức Hội nghị.');
  await dialog.getByTestId('export-close').click();
  await expectSaved(page);

  await page.getByTestId('export-open').click();
  await expect(dialog.getByTestId('preflight-summary')).toHaveText('0 error(s) to fix before publishing, 1 warning(s).');
  await dialog.getByTestId('export-run').click();
  await expect(dialog.getByTestId('export-done')).toContainText('Exported 4 files to');
  const exports = readdirSync(join(dataDir, 'exports'));
  expect(exports).toHaveLength(1);
  for (const file of ['index.html', 'fragment.html', 'article.json', 'manifest.json']) expect(existsSync(join(dataDir, 'exports', exports[0] ?? '', file))).toBe(true);
});
