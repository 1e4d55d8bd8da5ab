import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { photo } from './support/photos';
import { cliPath } from './support/server';
import { expect, expectSaved, headline, newArticle, openNewArticle, test } from './support/fixtures';

const photosJson = (dataDir: string) =>
  JSON.parse(
    execFileSync(process.execPath, [cliPath, 'photos', 'list', '--json', '--data-dir', dataDir], { encoding: 'utf8' }),
  ) as {
    total: number;
    photos: { id: string; creator: string; creditLine: string; altText: string; description: string }[];
  };

test('the photo desk: import with per-file results, credits read and completed, a photo placed in an article with its caption and credit', async ({
  page,
  serve,
  stored,
  dataDir,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-photos-'));
  const credited = await photo(dir, 'hoi-nghi.jpg', '#a33', [
    '-XMP-dc:Creator=Minh Tuấn',
    '-XMP-dc:Description=Trung tướng Nguyễn Mạnh Hùng trao Bằng khen cho các tập thể.',
    '-XMP-iptcCore:AltTextAccessibility=Trung tướng trao Bằng khen trên bục.',
    '-XMP-photoshop:City=Hà Nội',
  ]);
  const bare = await photo(dir, 'quang-canh.jpg', '#3a3', ['-XMP-dc:Description=Quang cảnh Hội nghị.']);
  const broken = join(dir, 'hong.jpg');
  writeFileSync(broken, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
  const svg = join(dir, 've.jpg');
  writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

  const { id } = await openNewArticle(page, serve);
  await headline(page).click();
  await page.keyboard.type('Hội nghị tổng kết');
  await expectSaved(page);

  await page.getByTestId('tab-photos').click();
  await page.getByTestId('photo-files').setInputFiles([credited, bare, broken, svg]);
  const progress = page.getByTestId('photo-progress');
  await expect(progress).toContainText('2 imported, 0 duplicate(s), 2 rejected', { timeout: 30_000 });
  await expect(progress.locator('li[data-status=rejected]')).toHaveText([
    /hong\.jpg: not imported: The photo .*/,
    've.jpg: not imported: SVG drawings are not accepted as photos.',
  ]);
  await expect(page.getByTestId('photo-count')).toHaveText('2 photo(s)');
  const cells = page.getByTestId('photo-cell');
  await expect(cells).toHaveCount(2);
  // The thumbnails really load (the media route, under the page's CSP).
  await expect
    .poll(() =>
      cells
        .first()
        .locator('img')
        .evaluate((image: HTMLImageElement) => image.naturalWidth),
    )
    .toBeGreaterThan(0);

  // Missing credit: the bare photo, marked; the desk completes it.
  await page.getByTestId('photo-filter').selectOption('missing-credit');
  await expect(cells).toHaveCount(1);
  await expect(cells.first().getByTestId('photo-missing')).toHaveText('no credit · no alt text');
  await cells.first().click();
  await page.getByTestId('photo-creator').fill('Nguyên Khôi');
  await page.getByTestId('photo-altText').fill('Toàn cảnh hội trường với các đại biểu.');
  await page.getByTestId('photo-save').click();
  await expect(page.getByTestId('photo-editor')).toContainText('Saved.');
  await page.getByTestId('photo-filter').selectOption('all');
  await expect(cells).toHaveCount(2);
  await expect(page.getByTestId('photo-missing')).toHaveCount(0);

  // Both at once, with a template filled per photo.
  await cells.nth(0).click();
  await cells.nth(1).click({ modifiers: ['Control'] });
  await expect(page.getByTestId('photo-editor')).toContainText('2 photos selected');
  await page.getByTestId('photo-creditLine').fill('{creator}/QĐND');
  await page.getByTestId('photo-save').click();
  await expect(page.getByTestId('photo-editor')).toContainText('Saved.');
  const library = photosJson(dataDir);
  expect(library.photos.map((entry) => entry.creditLine).sort()).toEqual(['Minh Tuấn/QĐND', 'Nguyên Khôi/QĐND']);

  // Search with and without marks.
  await page.getByTestId('photo-search').fill('quang canh');
  await expect(cells).toHaveCount(1);
  await expect(cells.first()).toContainText('Nguyên Khôi');
  await page.getByTestId('photo-search').fill('Bằng khen');
  await expect(cells).toHaveCount(1);
  await expect(cells.first()).toContainText('Minh Tuấn');
  await cells.first().click();

  // Into the article: a figure with the photo's description as caption and its credit.
  await page.getByTestId('photo-insert').click();
  const figure = page.getByTestId('figure');
  await expect(figure).toHaveCount(1);
  await expect(figure.getByTestId('figure-caption')).toHaveValue(
    'Trung tướng Nguyễn Mạnh Hùng trao Bằng khen cho các tập thể.',
  );
  await expect(figure.getByTestId('figure-credit')).toHaveText('Photo: MINH TUẤN');
  await expect(figure.getByTestId('figure-warning')).toHaveCount(0);
  await figure.getByTestId('figure-caption').fill('Trung tướng Nguyễn Mạnh Hùng trao Bằng khen.');
  await expectSaved(page);
  const saved = JSON.parse(
    execFileSync(process.execPath, [cliPath, 'article', 'show', String(id), '--json', '--data-dir', dataDir], {
      encoding: 'utf8',
    }),
  ) as {
    body: { type: string; photoId?: string; caption?: string }[];
    contributors: { name: string; roles: string[] }[];
  };
  const placed = library.photos.find((entry) => entry.creator === 'Minh Tuấn');
  expect(saved.body.filter((block) => block.type === 'figure')).toEqual([
    {
      type: 'figure',
      photoId: placed?.id,
      caption: 'Trung tướng Nguyễn Mạnh Hùng trao Bằng khen.',
      children: [{ text: '' }],
    },
  ]);
  // The photo's creator joins the article's contributors, so the credit line names them.
  expect(saved.contributors).toEqual([{ name: 'Minh Tuấn', roles: ['photo'] }]);
  expect(stored(id).headline).toBe('Hội nghị tổng kết');

  // Used in this article.
  await page.getByTestId('photo-search').fill('');
  await page.getByTestId('photo-filter').selectOption('in-article');
  await expect(cells).toHaveCount(1);
});

test('a figure whose photo lacks credit or alt text is marked in the editor; caption codes expand', async ({
  page,
  serve,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-photos-'));
  const bare = await photo(dir, 'bare.jpg', '#55a');
  const server = await serve();
  await page.goto(server.url);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-caption-codes').fill('#nmh = Trung tướng Nguyễn Mạnh Hùng, Chính ủy Tổng cục CNQP');
  await page.getByTestId('save-settings').click();
  await newArticle(page);
  await page.getByTestId('tab-photos').click();
  await page.getByTestId('photo-files').setInputFiles([bare]);
  await expect(page.getByTestId('photo-progress')).toContainText('1 imported', { timeout: 30_000 });
  await page.getByTestId('photo-cell').first().click();
  await page.getByTestId('photo-insert').click();
  const figure = page.getByTestId('figure');
  await expect(figure.getByTestId('figure-warning')).toHaveText('This photo still needs: no credit, no alt text.');
  await figure.getByTestId('figure-caption').fill('');
  await figure.getByTestId('figure-caption').pressSequentially('#nmh phát biểu');
  await expect(figure.getByTestId('figure-caption')).toHaveValue(
    'Trung tướng Nguyễn Mạnh Hùng, Chính ủy Tổng cục CNQP phát biểu',
  );
  await expectSaved(page);
  // Completing the photo's credit clears the mark in the article.
  await page.getByTestId('photo-creator').fill('Minh Tuấn');
  await page.getByTestId('photo-altText').fill('Người phát biểu tại bục.');
  await page.getByTestId('photo-save').click();
  await expect(figure.getByTestId('figure-warning')).toHaveCount(0);
  await expect(figure.getByTestId('figure-credit')).toHaveText('Photo: MINH TUẤN');
});

test('a batch import can be cancelled between files', async ({ page, serve }) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-photos-'));
  const files = await Promise.all(
    Array.from({ length: 8 }, (_, index) =>
      photo(dir, `anh-${index}.jpg`, `#${(index + 2).toString(16).repeat(3)}`, [], 3000),
    ),
  );
  const server = await serve();
  await page.goto(server.url);
  await page.getByTestId('tab-photos').click();
  await page.getByTestId('photo-files').setInputFiles(files);
  await page.getByTestId('photo-import-cancel').click();
  const progress = page.getByTestId('photo-progress');
  await expect(progress).toContainText('Cancelled:', { timeout: 30_000 });
  const done = await progress.locator('li').count();
  expect(done).toBeGreaterThanOrEqual(1);
  expect(done).toBeLessThan(8);
  await expect(page.getByTestId('photo-count')).toHaveText(`${done} photo(s)`);
});

test('a photo dragged from the library into the text becomes a figure there', async ({ page, serve }) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-photos-'));
  const file = await photo(dir, 'keo.jpg', '#a5a', [
    '-XMP-dc:Creator=Minh Tuấn',
    '-XMP-dc:Description=Ảnh kéo vào bài.',
  ]);
  await openNewArticle(page, serve);
  await headline(page).click();
  await page.keyboard.type('Bài có ảnh');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sapo.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đoạn một.');
  await page.getByTestId('tab-photos').click();
  await page.getByTestId('photo-files').setInputFiles([file]);
  await expect(page.getByTestId('photo-progress')).toContainText('1 imported', { timeout: 30_000 });
  await page.getByTestId('photo-cell').first().dragTo(page.locator('[data-testid=editor] p.paragraph').first());
  await expect(page.getByTestId('figure')).toHaveCount(1);
  await expect(page.getByTestId('figure-caption')).toHaveValue('Ảnh kéo vào bài.');
  await expectSaved(page);
});

test('the contributor registry: a name typed once is offered again, and its credit-line form is used', async ({
  page,
  serve,
}) => {
  await openNewArticle(page, serve);
  await page.getByTestId('add-contributor').click();
  await page.getByTestId('contributor-name-0').fill('Minh Tuấn');
  await expectSaved(page);
  await expect(page.getByTestId('credit-line')).toHaveText('Tin: MINH TUẤN');

  await page.getByTestId('open-settings').click();
  await page.getByTestId('people-editor').locator('summary').click();
  const person = page.getByTestId('person').filter({ hasText: 'Minh Tuấn' });
  await person.getByTestId('person-display').fill('MINH TUẤN (QĐND)');
  await person.getByTestId('person-unit').fill('Báo Quân đội nhân dân');
  await person.getByTestId('person-save').click();
  await expect(page.getByTestId('people-editor')).toContainText('Saved.');
  await expect(page.getByTestId('credit-line')).toHaveText('Tin: MINH TUẤN (QĐND)');
  // Offered in every name field.
  await expect(page.locator('datalist#people-names option')).toHaveAttribute('value', 'Minh Tuấn');
});
