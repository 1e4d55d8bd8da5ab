import { join } from 'node:path';
import { expect, expectSaved, test } from './support/fixtures';
import { repoRoot } from './support/server';

const samplePath = join(repoRoot, '..', 'shared', 'fixtures', 'sample-article-vi.txt');

test('the copy desk marks the sample’s two real problems in the text and fixes them', async ({
  page,
  serve,
  stored,
}) => {
  const server = await serve();
  await page.goto(server.url);
  await page.getByTestId('import-file').setInputFiles(samplePath);
  const findings = page.getByTestId('copydesk').locator('li');
  await expect(findings).toHaveCount(2);
  await expect(findings.nth(0)).toContainText('bàybáo');
  await expect(findings.nth(1)).toContainText('nghị,Trung');
  await expect(page.locator('[data-testid=editor] .copydesk-mark')).toHaveText(['bàybáo', ',']);

  await findings.nth(0).getByTestId('copydesk-fix').click();
  await expect(page.getByTestId('editor')).toContainText('trình bày báo cáo');
  await expect(findings).toHaveCount(1);
  await findings.nth(0).getByTestId('copydesk-fix').click();
  await expect(page.getByTestId('copydesk-clean')).toBeVisible();
  await expect(page.getByTestId('editor')).toContainText('Hội nghị, Trung tướng');
  await expectSaved(page);
  const saved = stored(1);
  expect(saved.text).toContain('trình bày báo cáo');
  expect(saved.text).toContain('Hội nghị, Trung tướng');

  // Typing a new slip is caught as one types.
  await page.locator('[data-testid=editor] p.paragraph').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' và và');
  await expect(page.getByTestId('copydesk').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('copydesk')).toContainText('Repeated word');
  await expectSaved(page);
});

test('archive search finds Vietnamese with and without marks, highlighted, and opens the article', async ({
  page,
  serve,
}) => {
  const server = await serve();
  await page.goto(server.url);
  await page.getByTestId('import-file').setInputFiles(samplePath);
  await expect(page.getByTestId('credit-line')).toHaveText('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN');
  await page.getByTestId('new-article').click();
  await page.getByTestId('headline').click();
  await page.keyboard.type('Đường về làng');
  await expectSaved(page);

  await page.getByTestId('search').fill('Lam Trong Dong');
  await expect(page.getByTestId('search-results').locator('[data-article-id]')).toHaveCount(1);
  await expect(page.getByTestId('snippet').locator('mark')).toHaveText(['Lâm', 'Trọng', 'Đông']);
  await page.getByTestId('search').fill('đường');
  await expect(page.getByTestId('search-results').locator('[data-article-id]').first()).toContainText('Đường về làng');
  await page.getByTestId('search').fill('"thi đua"');
  await expect(page.getByTestId('snippet').first().locator('mark')).toHaveText(['thi đua']);
  await page.getByTestId('search-results').locator('[data-article-id]').first().click();
  await expect(page.getByTestId('outlet-prefix')).toHaveText('CNQP&KT - ');
  await page.getByTestId('search').fill('');
  await expect(page.getByTestId('archive-list').locator('[data-article-id]')).toHaveCount(2);
});

test('mixed tone-mark styles are found, and the house style is applied to the whole article', async ({
  page,
  serve,
  stored,
}) => {
  const server = await serve();
  await page.goto(server.url);
  await page.getByTestId('new-article').click();
  await page.getByTestId('headline').click();
  await page.keyboard.type('Thuỷ điện Hoà Bình');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Hòa hợp và sức khỏe');
  await expect(page.getByTestId('copydesk')).toContainText('Mixed tone-mark styles');
  await page.getByTestId('apply-tone-style').click();
  await expect(page.getByTestId('headline')).toHaveText('Thủy điện Hòa Bình');
  await expect(page.getByTestId('copydesk-clean')).toBeVisible();
  await expectSaved(page);
  expect(stored(1).headline).toBe('Thủy điện Hòa Bình');
});
