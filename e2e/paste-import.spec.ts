import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectSaved, lead, newArticle, openNewArticle, paragraphs, test } from './support/fixtures';
import { exportStyleHash } from '../shared/security/contentSecurityPolicy';
import { repoRoot } from './support/server';

const samplePath = join(repoRoot, '..', 'shared', 'fixtures', 'sample-article-vi.txt');

/**
 * Delivers clipboard data as Chromium does for a paste (a beforeinput of type insertFromPaste),
 * unsanitized: what reaches the editor is exactly the payload.
 */
async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await page.evaluate((items) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    const target = document.querySelector('[data-testid=editor]');
    target?.dispatchEvent(
      new InputEvent('beforeinput', {
        inputType: 'insertFromPaste',
        dataTransfer: transfer,
        bubbles: true,
        cancelable: true,
      }),
    );
  }, data);
}

test('importing the published sample gives its lead, prefix, paragraphs and contributors', async ({ page, serve }) => {
  const server = await serve();
  await page.goto(server.url);
  await page.getByTestId('import-file').setInputFiles(samplePath);
  await expect(page.getByTestId('outlet-prefix')).toHaveText('CNQP&KT - ');
  await expect(lead(page)).toContainText('Chiều 24/12, Tổng cục Công nghiệp quốc phòng (CNQP) đã tổ chức');
  await expect(paragraphs(page)).toHaveCount(6);
  await expect(paragraphs(page).last()).toHaveText(
    'Tại Hội nghị, nhiều đảng bộ, tổ chức đảng và đảng viên hoàn thành xuất sắc nhiệm vụ năm 2019 đã được khen thưởng.',
  );
  await expect(page.getByTestId('credit-line')).toHaveText('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN');
  await expect(page.getByTestId('editor')).not.toContainText('Bình luận');

  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'anh.txt', mimeType: 'text/plain', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]) });
  await expect(page.getByTestId('import-error')).toContainText('anh.txt is not a text file');
});

test('paste maps Word HTML into the article and nothing executable survives', async ({ page, serve }) => {
  const server = await serve();
  await page.goto(server.url);
  await page.evaluate(() => {
    const fired: string[] = [];
    (window as unknown as { fired: string[] }).fired = fired;
    window.alert = (message?: unknown) => void fired.push(`alert:${String(message)}`);
    window.confirm = (message?: string) => (fired.push(`confirm:${String(message)}`), false);
    window.prompt = (message?: string) => (fired.push(`prompt:${String(message)}`), null);
  });
  await newArticle(page);
  await paragraphs(page).first().click();
  await paste(page, {
    'text/html': `<p class=MsoNormal><b>Chiều 24/12</b>, Tổng cục <i>tổ chức</i> Hội nghị.</p><p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·&nbsp;</span>Điểm một</p><img src=x onerror="alert('img')"><a href="javascript:alert('link')">liên kết xấu</a><script>alert('script')</script>`,
    'text/plain': 'Chiều 24/12, Tổng cục tổ chức Hội nghị.',
  });
  await expect(page.locator('[data-testid=editor] strong')).toHaveText('Chiều 24/12');
  await expect(page.locator('[data-testid=editor] ul li')).toHaveText(['Điểm một']);
  await expect(page.locator('[data-testid=editor] a')).toHaveCount(0);
  const corpus = (
    (await import(join(repoRoot, '..', 'shared', 'corpora', 'xss', 'dompurify-expect.mjs'))) as {
      default: { payload: string }[];
    }
  ).default;
  for (const { payload } of corpus.filter((entry) => entry.payload.includes('alert'))) {
    await paste(page, { 'text/html': payload, 'text/plain': payload });
  }
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { fired: string[] }).fired)).toEqual([]);
  const dangerous = await page.evaluate(() => {
    const editor = document.querySelector('[data-testid=editor]');
    const found: string[] = [];
    for (const element of editor?.querySelectorAll('*') ?? []) {
      for (const attribute of element.getAttributeNames())
        if (attribute.startsWith('on')) found.push(`${element.tagName}[${attribute}]`);
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG', 'STYLE'].includes(element.tagName))
        found.push(element.tagName);
      const href = element.getAttribute('href');
      if (href !== null && !/^(https?|mailto):/i.test(href)) found.push(`href=${href}`);
    }
    return found;
  });
  expect(dangerous).toEqual([]);
  await expectSaved(page);
});

const styleSrc = `style-src 'self' ${exportStyleHash}`;

test('a real Ctrl+V of HTML from the system clipboard goes through the same mapping', async ({
  page,
  serve,
  pageErrors,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openNewArticle(page, serve);
  await paragraphs(page).first().click();
  await page.evaluate(async () => {
    const html =
      '<h2 style="color:red">Tít phụ dán vào</h2><p><span style="font-weight:700">Đậm</span> và <a href="https://qdnd.vn">liên kết</a></p>';
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob(['Tít phụ dán vào Đậm và liên kết'], { type: 'text/plain' }),
      }),
    ]);
  });
  await page.keyboard.press('Control+V');
  await expect(page.locator('[data-testid=editor] h2')).toHaveText('Tít phụ dán vào');
  await expect(page.locator('[data-testid=editor] strong')).toHaveText('Đậm');
  await expect(page.locator('[data-testid=editor] a')).toHaveAttribute('href', 'https://qdnd.vn/');
  await expect(page.locator('[data-testid=editor] [style*="color"]')).toHaveCount(0);
  await expectSaved(page);
  // Chromium parses the pasted markup in the page to build the paste; the CSP refuses its inline
  // styles. Those refusals, and nothing else, are expected here.
  expect(
    pageErrors.every((message) =>
      message.startsWith(
        `Applying inline style violates the following Content Security Policy directive '${styleSrc}'`,
      ),
    ),
  ).toBe(true);
  pageErrors.splice(0);
});

test('text pasted from an old TCVN3 or VNI document becomes Unicode, with a notice', async ({
  page,
  serve,
  stored,
}) => {
  const { id } = await openNewArticle(page, serve);
  await paragraphs(page).first().click();
  // "Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị." as a VNI-Times document gives it to the clipboard.
  await paste(page, { 'text/plain': 'Trung töôùng Nguyeãn Maïnh Huøng chuû trì Hoäi nghò.' });
  await expect(paragraphs(page).first()).toHaveText('Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị.');
  await expect(page.getByTestId('legacy-notice')).toContainText('VNI');
  await page.keyboard.press('Enter');
  // And in TCVN3 (a .VnTime document), as HTML from Word.
  await paste(page, {
    'text/html': '<p class=MsoNormal><span style="font-family:.VnTime">C¸c ®¹i biÓu dù Héi nghÞ.</span></p>',
    'text/plain': 'C¸c ®¹i biÓu dù Héi nghÞ.',
  });
  await expect(paragraphs(page).nth(1)).toHaveText('Các đại biểu dự Hội nghị.');
  await expect(page.getByTestId('legacy-notice')).toContainText('TCVN3');
  await expectSaved(page);
  expect(stored(id).text).toBe('Trung tướng Nguyễn Mạnh Hùng chủ trì Hội nghị.\nCác đại biểu dự Hội nghị.');
});
