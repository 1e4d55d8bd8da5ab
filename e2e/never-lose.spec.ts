import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from './support/server';
import {
  expect,
  expectSaved,
  headline,
  lead,
  newArticle,
  openNewArticle,
  openArticle,
  saveStatus,
  test,
} from './support/fixtures';

const cli = (dataDir: string, ...args: string[]) =>
  execFileSync(process.execPath, [cliPath, ...args, '--data-dir', dataDir], { encoding: 'utf8' });

test('history: a named version, a comparison with the text on screen, a restore that keeps what it replaced', async ({
  page,
  serve,
  stored,
  dataDir,
}) => {
  const { id } = await openNewArticle(page, serve);
  await headline(page).click();
  await page.keyboard.type('Hội nghị tổng kết công tác');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sáng 9-12, Đảng ủy tổ chức hội nghị.');
  await expectSaved(page);

  const history = page.getByTestId('history');
  await history.locator('summary').click();
  await page.getByTestId('save-version').click();
  await page.getByTestId('version-name').fill('gửi ban biên tập');
  await page.getByTestId('keep-version').click();
  await expect(page.getByTestId('history-entry').first()).toContainText('“gửi ban biên tập”');

  // The headline changes, and the lead gains a non-breaking space nobody would see.
  await headline(page).click();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type('Đảng');
  await lead(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type('\u00a0');
  await expectSaved(page);
  expect(stored(id).headline).toBe('Hội nghị tổng kết công Đảng');

  await page.getByTestId('history-entry').first().click();
  const headlineChange = page.getByTestId('change-headline');
  await expect(headlineChange.locator('del')).toHaveText('tác');
  await expect(headlineChange.locator('ins')).toHaveText('Đảng');
  await expect(page.getByTestId('change-lead')).toContainText('only characters that do not show on screen');
  await expect(page.getByTestId('change-lead').locator('ins')).toHaveText('⍽');

  await page.getByTestId('restore-version').click();
  await expect(headline(page)).toHaveText('Hội nghị tổng kết công tác');
  await expect(lead(page)).toHaveText('Sáng 9-12, Đảng ủy tổ chức hội nghị.');
  expect(stored(id).headline).toBe('Hội nghị tổng kết công tác');
  const kept = JSON.parse(cli(dataDir, 'history', String(id), '--json')) as { kind: string; headline: string }[];
  expect(kept[0]).toMatchObject({ kind: 'before_restore', headline: 'Hội nghị tổng kết công Đảng' });
  expect(kept.map((entry) => entry.kind)).toEqual(['before_restore', 'named', 'first']);
});

test('two windows on one article: the stale one is told, keeps its text, and can keep it as a copy or reload', async ({
  page,
  context,
  serve,
  stored,
}) => {
  const { server, id } = await openNewArticle(page, serve);
  await headline(page).click();
  await page.keyboard.type('Bài chung');
  await expectSaved(page);

  const other = await context.newPage();
  await other.goto(server.url);
  await openArticle(other, id);
  await expect(headline(other)).toHaveText('Bài chung');

  await lead(page).click();
  await page.keyboard.type('Cửa sổ thứ nhất viết sapo.');
  await expectSaved(page);

  await lead(other).click();
  await other.keyboard.type('Cửa sổ thứ hai cũng viết.');
  await expect(other.getByTestId('conflict')).toBeVisible({ timeout: 10_000 });
  await expect(saveStatus(other)).toHaveAttribute('data-state', 'failed');
  await expect(lead(other)).toHaveText('Cửa sổ thứ hai cũng viết.');
  expect(stored(id).leadText).toBe('Cửa sổ thứ nhất viết sapo.');

  await other.getByTestId('conflict-copy').click();
  await expect(headline(other)).toHaveText('Bài chung (my copy)');
  await expect(lead(other)).toHaveText('Cửa sổ thứ hai cũng viết.');
  const copyId = Number(await other.locator('[data-article-id][aria-current=true]').getAttribute('data-article-id'));
  expect(copyId).not.toBe(id);
  expect(stored(copyId)).toMatchObject({ headline: 'Bài chung (my copy)', leadText: 'Cửa sổ thứ hai cũng viết.' });
  expect(stored(id).leadText).toBe('Cửa sổ thứ nhất viết sapo.');

  // The other way out: load what the first window saved.
  await openArticle(other, id);
  await expect(lead(other)).toHaveText('Cửa sổ thứ nhất viết sapo.');
  await lead(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thêm.');
  await expectSaved(page);
  await lead(other).click();
  await other.keyboard.press('End');
  await other.keyboard.type(' Khác.');
  await expect(other.getByTestId('conflict')).toBeVisible({ timeout: 10_000 });
  await other.getByTestId('conflict-reload').click();
  await expect(lead(other)).toHaveText('Cửa sổ thứ nhất viết sapo. Thêm.');
  await expect(other.getByTestId('conflict')).toHaveCount(0);
  await other.close();
});

test('a full disk: the save fails with a clear message, the text stays, and saving resumes when space is back', async ({
  page,
  serve,
  stored,
}) => {
  const server = await serve({ testHooks: true });
  await page.goto(server.url);
  const id = await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Trước khi đĩa đầy');
  await expectSaved(page);

  const pages = Number((await server.hook('page-count')).split(' ')[1]);
  expect(await server.hook(`max-page-count ${pages}`)).toBe(`max-page-count ${pages}`);
  await page.keyboard.press('Enter');
  const long = Array.from({ length: 400 }, (_, i) => `Câu thứ ${i} của bài viết khi ổ đĩa đã đầy.`).join(' ');
  await page.keyboard.insertText(long);
  await expect(saveStatus(page)).toHaveAttribute('data-state', 'failed', { timeout: 10_000 });
  await expect(saveStatus(page)).toContainText('the disk is full');
  await expect(lead(page)).toHaveText(long);
  expect(stored(id)).toMatchObject({ headline: 'Trước khi đĩa đầy', leadText: '' });

  await server.hook('max-page-count reset');
  await expectSaved(page);
  expect(stored(id)).toMatchObject({ headline: 'Trước khi đĩa đầy', leadText: long });
});

test('a damaged archive: the editor says so, moves it aside, and restores the latest good backup', async ({
  page,
  serve,
  dataDir,
}) => {
  let server = await serve();
  await page.goto(server.url);
  const id = await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Bài đã sao lưu');
  await expectSaved(page);
  await server.stop();
  expect(cli(dataDir, 'backup')).toContain('integrity check: ok');
  writeFileSync(join(dataDir, 'archive.sqlite3'), 'Tin, ảnh: not a database any more');

  server = await serve();
  await page.goto(server.url);
  await expect(page.getByTestId('recovery')).toBeVisible();
  await expect(page.getByTestId('recovery-problem')).toHaveText('The archive file is not a database.');
  const setAside = readdirSync(join(dataDir, 'set-aside'));
  expect(setAside).toHaveLength(1);
  expect(existsSync(join(dataDir, 'set-aside', setAside[0] ?? '', 'archive.sqlite3'))).toBe(true);
  await expect(page.getByRole('radio').first()).toBeChecked();
  await page.getByTestId('recovery-restore').click();
  await expect(page.locator(`[data-article-id="${id}"]`)).toContainText('Bài đã sao lưu');
  await openArticle(page, id);
  await expect(headline(page)).toHaveText('Bài đã sao lưu');
});
