import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeskServer } from './support/desk';
import type { DeskServer } from './support/desk';
import { expect, expectSaved, headline, newArticle, paragraphs, test } from './support/fixtures';
import { startServer } from './support/server';

// The desk in the editor: two browser editions (two data folders, two users) and one desk server
// on a real PostgreSQL. The page never holds desk credentials: the core joins and syncs.

const reporter = { name: 'minhtuan', role: 'reporter', password: 'mật khẩu phóng viên' };
const secondReporter = { name: 'minhtuan2', role: 'reporter', password: 'mật khẩu phóng viên hai' };
const thirdReporter = { name: 'phongvien3', role: 'reporter', password: 'mật khẩu phóng viên ba' };
const editorUser = { name: 'bientap', role: 'editor', password: 'mật khẩu biên tập' };

let desk: DeskServer;
test.beforeAll(async () => {
  desk = await startDeskServer([reporter, secondReporter, thirdReporter, editorUser]);
});
test.afterAll(async () => desk.stop());

async function joinDesk(page: Page, url: string, user: string, password: string): Promise<void> {
  await page.getByTestId('open-desk').click();
  await page.getByTestId('desk-url').fill(url);
  await page.getByTestId('desk-user').fill(user);
  await page.getByTestId('desk-password').fill(password);
  await page.getByTestId('desk-join-submit').click();
}

/** On the reporter's browser edition, joined as `login`: a story typed line by line (headline, lead, a paragraph), on the desk. */
async function storyOnDesk(
  page: Page,
  serve: () => Promise<{ url: string }>,
  login: { name: string; password: string },
  lines: [string, string, string],
): Promise<void> {
  await page.goto((await serve()).url);
  await joinDesk(page, desk.url, login.name, login.password);
  await page.getByTestId('desk-close').click();
  await newArticle(page);
  await headline(page).click();
  await page.keyboard.type(lines[0]);
  for (const line of lines.slice(1)) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  await expectSaved(page);
  await expect(page.getByTestId('desk-status')).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
}

/** The editor on a browser edition of their own (a second data folder), joined to the desk, for `work`; closed after. */
async function asEditor(browser: Browser, work: (other: Page) => Promise<void>): Promise<void> {
  const otherDir = mkdtempSync(join(tmpdir(), 'newsroom-e2e-editor-'));
  const editorServer = await startServer(otherDir);
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const other = await context.newPage();
    await other.goto(editorServer.url);
    await joinDesk(other, desk.url, editorUser.name, editorUser.password);
    await other.getByTestId('desk-close').click();
    await work(other);
  } finally {
    await context.close();
    await editorServer.stop();
    rmSync(otherDir, { recursive: true, force: true });
  }
}

test('joining the desk: a wrong password and an unreachable desk are said in words; signed in, saved and synced show apart', async ({
  page,
  serve,
}) => {
  const server = await serve();
  await page.goto(server.url);
  await joinDesk(page, desk.url, reporter.name, 'sai mật khẩu');
  await expect(page.getByTestId('desk-error')).toHaveText('wrong user name or password.');
  await page.getByTestId('desk-url').fill('http://127.0.0.1:9');
  await page.getByTestId('desk-password').fill(reporter.password);
  await page.getByTestId('desk-join-submit').click();
  await expect(page.getByTestId('desk-error')).toHaveText(
    'the desk cannot be reached; everything stays saved on this laptop.',
  );
  await page.getByTestId('desk-url').fill(desk.url);
  await page.getByTestId('desk-password').fill(reporter.password);
  await page.getByTestId('desk-join-submit').click();
  await expect(page.getByTestId('desk-signed-in')).toHaveText('Signed in as minhtuan (reporter)');
  await page.getByTestId('desk-close').click();

  await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Bài gửi lên tòa soạn');
  await expectSaved(page);
  await expect(page.getByTestId('desk-status')).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });

  // The administrator disables the user: the laptop is told, and keeps saving here.
  desk.admin(['user', 'disable', reporter.name]);
  await page.keyboard.type(' mới');
  await expectSaved(page);
  await expect(page.getByTestId('desk-status')).toHaveAttribute('data-state', 'signed-out', { timeout: 15_000 });
  await expect(page.getByTestId('desk-status')).toHaveText('Signed out by the desk: join again');
});

test('a reporter’s story reaches the editor; the editor sees who has it open, edits it, and the reporter’s screen follows', async ({
  page,
  browser,
  serve,
}) => {
  await storyOnDesk(page, serve, secondReporter, [
    'Khai mạc hội nghị',
    'Sáng nay, hội nghị khai mạc.',
    'Đoạn thân bài thứ nhất.',
  ]);
  // A reporter is offered the move a reporter makes, not the editor's.
  await expect(page.getByTestId('status-submitted')).toBeVisible();
  await expect(page.getByTestId('status-approved')).toHaveCount(0);
  await expect(page.getByTestId('status-spiked')).toHaveCount(0);

  await asEditor(browser, async (other) => {
    const story = other.locator('[data-article-id]', { hasText: 'Khai mạc hội nghị' });
    await expect(story).toBeVisible({ timeout: 15_000 });
    // The reporter has it open: the editor's list and the article say so.
    await expect(story.getByTestId('archive-editing')).toContainText('minhtuan2 is editing', { timeout: 20_000 });
    await story.click();
    await expect(other.getByTestId('editing-notice')).toHaveText('minhtuan2 is editing');
    await expect(other.getByTestId('status-spiked')).toBeVisible();
    await paragraphs(other).first().click();
    await other.keyboard.press('End');
    await other.keyboard.type(' Biên tập đã sửa.');
    await expectSaved(other);

    // The reporter's open article follows the desk (nothing unsaved there).
    await expect(paragraphs(page).first()).toHaveText('Đoạn thân bài thứ nhất. Biên tập đã sửa.', {
      timeout: 20_000,
    });
    // While you were away: who did what to my story, and it opens from there.
    await expect(page.getByTestId('open-desk')).toHaveText('Desk (1 new)');
    await page.getByTestId('open-desk').click();
    await expect(page.getByTestId('desk-news-item')).toHaveText(['bientap edited “Khai mạc hội nghị”']);
    await page.getByTestId('desk-news-item').click();
    await expect(page.getByTestId('open-desk')).toHaveText('Desk', { timeout: 10_000 });
  });
});

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('open-desk').click();
  await page.getByTestId('desk-sync').click();
  await expect(page.getByTestId('desk-sync')).toBeEnabled();
  await page.getByTestId('desk-close').click();
}

test('the same paragraph changed on both sides offline: the banner, both texts side by side, the choice, and the history', async ({
  page,
  browser,
  serve,
}) => {
  await storyOnDesk(page, serve, thirdReporter, ['Tin xung đột', 'Sapo của tin.', 'Câu gốc của đoạn.']);
  await asEditor(browser, async (other) => {
    const story = other.locator('[data-article-id]', { hasText: 'Tin xung đột' });
    await expect(story).toBeVisible({ timeout: 15_000 });
    await story.click();
    await expect(paragraphs(other)).toHaveText(['Câu gốc của đoạn.']);

    // The desk goes away; both change the same words of the paragraph.
    await desk.pause();
    await paragraphs(page).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Phóng viên thêm.');
    await expectSaved(page);
    await paragraphs(other).first().click();
    await other.keyboard.press('End');
    await other.keyboard.type(' Biên tập thêm.');
    await expectSaved(other);
    await desk.resume();
    await syncNow(other);
    await syncNow(page);

    const banner = page.getByTestId('desk-conflict');
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toContainText('bientap');
    await expect(banner.locator('.desk-conflict-current')).toContainText('Câu gốc của đoạn. Biên tập thêm.');
    await expect(banner.locator('.desk-conflict-kept')).toContainText('Câu gốc của đoạn. Phóng viên thêm.');
    await banner.getByTestId('desk-conflict-kept').check();
    await banner.getByTestId('desk-conflict-apply').click();
    await expect(banner).toHaveCount(0);
    await expect(paragraphs(page)).toHaveText(['Câu gốc của đoạn. Phóng viên thêm.']);
    // Both texts are kept in the history, under their authors' names.
    await page.getByTestId('history').locator('summary').click();
    await expect(page.getByTestId('history-entry').filter({ hasText: '⇄ bientap' })).toHaveCount(1);
    await expect(page.getByTestId('history-entry').filter({ hasText: `⇄ ${thirdReporter.name}` })).toHaveCount(1);

    // Settled on the desk: the editor's screen follows, with no banner.
    await syncNow(page);
    await syncNow(other);
    await expect(paragraphs(other)).toHaveText(['Câu gốc của đoạn. Phóng viên thêm.'], { timeout: 20_000 });
    await expect(other.getByTestId('desk-conflict')).toHaveCount(0);
  });
});
