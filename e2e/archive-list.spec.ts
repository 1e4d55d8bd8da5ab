import { openArchive } from '../electron/core/archive/openArchive';
import { updateSettings } from '../electron/core/archive/settingsStore';
import { archivePath } from '../electron/core/dataDir';
import { seedArticles } from '../electron/testing/seedArticles';
import { expect, headline, test } from './support/fixtures';

// The archive list with 100,000 articles: it opens on its first page, loads more as it scrolls,
// filters in the core, and opens an article found deep in it. (How fast: npm run bench:list.)

const count = 100_000;

test('100,000 articles: the first page, more on scrolling, a filter, a view, and an article opened', async ({
  page,
  dataDir,
  serve,
}) => {
  test.setTimeout(90_000);
  const db = openArchive(archivePath(dataDir));
  seedArticles(db, count);
  updateSettings(db, { userName: 'Minh Tuấn' });
  db.close();
  const server = await serve();
  await page.goto(server.url);

  const items = page.getByTestId('archive-list').locator('.archive-item');
  // Newest first: the last one written heads the list, and only a page of them is in the page.
  await expect(items.first()).toContainText(`Bài số ${count - 1}:`);
  await expect(items).toHaveCount(60);

  // Scrolling to the end brings the next pages, in order, without repeats.
  for (let pages = 2; pages <= 4; pages += 1) {
    await page.locator('nav.archive').evaluate((nav) => nav.scrollTo(0, nav.scrollHeight));
    await expect(items).toHaveCount(pages * 60);
  }
  const headlines = await items.locator('.archive-headline').allTextContents();
  expect(new Set(headlines).size).toBe(240);
  expect(headlines[239]).toContain(`Bài số ${count - 240}:`);

  // An article from the fourth page opens in the editor.
  await items.nth(230).click();
  await expect(headline(page)).toHaveText(new RegExp(`^Bài số ${count - 231}:`));

  // A status filter is answered by the core: only that status, from the newest.
  await page.getByTestId('filter-status').selectOption('submitted');
  await expect(items.first()).toContainText(`Bài số ${count - 4}:`);
  await expect(items).toHaveCount(60);
  for (const meta of await items.locator('.archive-meta').allTextContents())
    expect(meta).toMatch(/^(Đã gửi|Submitted)/);

  // "Assigned to me": the articles naming Minh Tuấn (every fifth), with the status filter still on.
  await page.getByTestId('filter-status').selectOption('');
  await page.getByTestId('filter-scope').selectOption('assigned');
  await expect(items.first()).toContainText(`Bài số ${count - 5}:`);
  await expect(items.nth(1)).toContainText(`Bài số ${count - 10}:`);
  // Nobody started these on this laptop: "started by me" has none, and says so.
  await page.getByTestId('filter-scope').selectOption('mine');
  await expect(page.locator('.archive-empty')).toBeVisible();
});
