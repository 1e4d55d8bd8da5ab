import {
  expect,
  expectSaved,
  headline,
  lead,
  newArticle,
  openNewArticle,
  openArticle,
  paragraphs,
  saveStatus,
  test,
} from './support/fixtures';

const vietnameseHeadline = 'Hội nghị tổng kết công tác Đảng năm 2019';
const leadText = 'Chiều 24/12, Tổng cục Công nghiệp quốc phòng (CNQP) đã tổ chức Hội nghị.';

test('typed Vietnamese survives a reload and a server restart, exactly and in NFC', async ({ page, serve, stored }) => {
  const server = await serve();
  await page.goto(server.url);
  await expect(page).toHaveURL(`${server.origin}/`);
  const id = await newArticle(page);
  await headline(page).click();
  await page.keyboard.type(vietnameseHeadline);
  await page.keyboard.press('Enter');
  await page.keyboard.type(leadText);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị.');
  await expectSaved(page);

  const saved = stored(id);
  expect(saved.headline).toBe(vietnameseHeadline);
  expect(saved.leadText).toBe(leadText);
  expect(saved.text).toBe('Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị.');
  expect([saved.headline, saved.leadText, saved.text].every((text) => text === text.normalize('NFC'))).toBe(true);

  await page.reload();
  await openArticle(page, id);
  await expect(headline(page)).toHaveText(vietnameseHeadline);
  await expect(lead(page)).toHaveText(leadText);
  await expect(paragraphs(page)).toHaveText(['Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị.']);

  await server.stop();
  const again = await serve();
  expect(again.token).not.toBe(server.token);
  await page.goto(again.url);
  await expect(page.locator(`[data-article-id="${id}"]`)).toContainText(vietnameseHeadline);
  await openArticle(page, id);
  await expect(headline(page)).toHaveText(vietnameseHeadline);
  expect(await headline(page).textContent()).toBe(vietnameseHeadline.normalize('NFC'));
  await expect(lead(page)).toHaveText(leadText);
  await expect(paragraphs(page)).toHaveText(['Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị.']);
});

test('IME composition yields each word once, with no duplicated or lost characters', async ({
  page,
  serve,
  stored,
}) => {
  const { id } = await openNewArticle(page, serve);
  const cdp = await page.context().newCDPSession(page);
  /** Telex typing of one word: each keystroke updates the composition; the last one commits it. */
  const compose = async (steps: string[]) => {
    for (const text of steps) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await cdp.send('Input.insertText', { text: steps.at(-1) ?? '' });
  };

  await headline(page).click();
  await compose(['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt']);
  await page.keyboard.type(' ');
  await compose(['N', 'Na', 'Nam']);
  await page.keyboard.press('Enter');
  await compose(['Đ', 'Đư', 'Đươ', 'Đươn', 'Đương', 'Đường']);
  await page.keyboard.type(' ');
  await compose(['l', 'là', 'làn', 'làng']);
  await page.keyboard.press('Enter');
  await compose(['đ', 'đư', 'đươ', 'đươn', 'đương', 'đường']);
  await page.keyboard.type(' ');
  await compose(['p', 'ph', 'phố', 'phố']);
  await expect(headline(page)).toHaveText('Việt Nam');
  await expect(lead(page)).toHaveText('Đường làng');
  await expect(paragraphs(page)).toHaveText(['đường phố']);

  // A composition in the middle of existing text.
  await paragraphs(page).first().click();
  await page.keyboard.press('End');
  for (let step = 0; step < 'phố'.length; step += 1) await page.keyboard.press('ArrowLeft');
  await compose(['H', 'Hà', 'Hà']);
  await page.keyboard.type(' ');
  await expect(paragraphs(page)).toHaveText(['đường Hà phố']);

  await expectSaved(page);
  expect(stored(id)).toMatchObject({ headline: 'Việt Nam', leadText: 'Đường làng', text: 'đường Hà phố' });
  await page.reload();
  await openArticle(page, id);
  await expect(headline(page)).toHaveText('Việt Nam');
  await expect(lead(page)).toHaveText('Đường làng');
  await expect(paragraphs(page)).toHaveText(['đường Hà phố']);
});

test('switching articles right after typing loses nothing', async ({ page, serve, stored }) => {
  const server = await serve();
  await page.goto(server.url);
  const first = await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Bài thứ nhất');
  await expectSaved(page);
  const second = await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Bài thứ hai');
  await page.keyboard.press('Enter');
  await page.keyboard.type('gõ xong là chuyển bài ngay');
  // No wait: the switch itself must save what was just typed.
  await openArticle(page, first);
  await expect(headline(page)).toHaveText('Bài thứ nhất');
  expect(stored(second)).toMatchObject({ headline: 'Bài thứ hai', leadText: 'gõ xong là chuyển bài ngay' });

  await lead(page).click();
  await page.keyboard.type('thêm vào bài một');
  await page.getByTestId('new-article').click();
  await expect(page.locator('[data-article-id]')).toHaveCount(3);
  expect(stored(first).leadText).toBe('thêm vào bài một');

  await openArticle(page, second);
  await expect(headline(page)).toHaveText('Bài thứ hai');
  await expect(lead(page)).toHaveText('gõ xong là chuyển bài ngay');
});

test('a failed save keeps the text on screen, says why, and retries until it is saved', async ({
  page,
  serve,
  stored,
  pageErrors,
}) => {
  const token = 'e2e-fixed-token-for-restart-0123456789';
  const server = await serve({ token });
  await page.goto(server.url);
  const id = await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Trước khi máy chủ dừng');
  await expectSaved(page);

  await server.kill();
  await page.keyboard.press('Enter');
  await page.keyboard.type('viết trong lúc mất kết nối');
  await expect(saveStatus(page)).toHaveAttribute('data-state', 'failed', { timeout: 10_000 });
  await expect(saveStatus(page)).toContainText('cannot be reached');
  await expect(lead(page)).toHaveText('viết trong lúc mất kết nối');

  await serve({ port: server.port, token });
  await expectSaved(page);
  expect(stored(id)).toMatchObject({ headline: 'Trước khi máy chủ dừng', leadText: 'viết trong lúc mất kết nối' });
  // The browser logs each refused connection; they are the point of this test.
  pageErrors.splice(0);
});

test('the interface speaks Vietnamese and English', async ({ page, serve }) => {
  await openNewArticle(page, serve);
  await headline(page).click();
  await page.keyboard.type('Tít');
  await expectSaved(page);
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
  await expect(saveStatus(page)).toHaveText('Đã lưu');
  await expect(page.getByTestId('new-article')).toHaveText('Bài mới');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.reload();
  await expect(page.getByTestId('new-article')).toHaveText('Bài mới');
  // The article open before the reload opens again.
  await expect(headline(page)).toHaveText('Tít');
});

test('a browser opened with the one-time address gets in, and the address then opens nothing', async ({
  page,
  context,
  serve,
  pageErrors,
}) => {
  const server = await serve({ testHooks: true });
  const address = (await server.hook('one-time-url')).replace('one-time-url ', '');
  expect(address).not.toContain(server.token);
  await page.goto(address);
  await expect(page.getByTestId('new-article')).toBeVisible();
  // The ticket is gone from the address bar (and so from what history keeps of it from now on).
  expect(new URL(page.url()).search).toBe('');
  const again = await context.newPage();
  await again.goto(address);
  await expect(again.getByRole('alert')).toContainText('token');
  pageErrors.splice(0);
});

test('without the token the page explains itself and the API refuses', async ({ page, serve, pageErrors }) => {
  const server = await serve();
  await page.goto(`${server.origin}/`);
  await expect(page.getByRole('alert')).toContainText('token');
  const status = await page.evaluate(
    async () =>
      (
        await fetch('/api/articles.list', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
  );
  expect(status).toBe(401);
  expect(pageErrors).toEqual([expect.stringContaining('401')]);
  pageErrors.splice(0);
});
