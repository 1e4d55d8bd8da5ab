import {
  expect,
  expectSaved,
  headline,
  newArticle,
  openNewArticle,
  openArticle,
  paragraphs,
  selectBackwards,
  test,
} from './support/fixtures';
import { callApi } from './support/server';

interface StoredFull {
  headline: string;
  leadText: string;
  outletPrefix: string | null;
  body: unknown[];
  contributors: { name: string; roles: string[] }[];
  kind: string;
  status: string;
  statusHistory: { from: string; to: string; by: string }[];
}

test('a story with every block type, written by keyboard, is stored as structure', async ({ page, serve, stored }) => {
  const { id } = await openNewArticle(page, serve);
  await headline(page).click();
  await page.keyboard.type('Hội nghị tổng kết');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Chiều 24/12, Tổng cục tổ chức Hội nghị.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đoạn mở với chữ ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('đậm');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' và ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('nghiêng');
  await page.keyboard.press('Control+i');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Tít phụ');
  await page.keyboard.press('Control+Alt+2');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Tít nhỏ');
  await page.keyboard.press('Control+Alt+3');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Lời trích dẫn');
  await page.keyboard.press('Control+Shift+9');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Alt+0');
  await page.keyboard.type('Ý một');
  await page.keyboard.press('Control+Shift+8');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ý hai');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Bước một');
  await page.keyboard.press('Control+Shift+7');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Xem báo');
  await selectBackwards(page, 'báo'.length);
  await page.keyboard.press('Control+k');
  await page.getByTestId('link-url').fill('javascript:alert(1)');
  await page.getByTestId('link-url').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'http, https' })).toBeVisible();
  await page.getByTestId('link-url').fill('https://www.qdnd.vn');
  await page.getByTestId('link-url').press('Enter');
  await expect(page.locator('[data-testid=editor] a')).toHaveText('báo');
  await expectSaved(page);

  const saved = JSON.parse(JSON.stringify(stored(id))) as StoredFull;
  expect(saved.headline).toBe('Hội nghị tổng kết');
  expect(saved.leadText).toBe('Chiều 24/12, Tổng cục tổ chức Hội nghị.');
  expect(saved.body).toEqual([
    {
      type: 'paragraph',
      children: [
        { text: 'Đoạn mở với chữ ' },
        { text: 'đậm', bold: true },
        { text: ' và ' },
        { text: 'nghiêng', italic: true },
      ],
    },
    { type: 'heading', level: 2, children: [{ text: 'Tít phụ' }] },
    { type: 'heading', level: 3, children: [{ text: 'Tít nhỏ' }] },
    { type: 'blockquote', children: [{ text: 'Lời trích dẫn' }] },
    {
      type: 'bulleted-list',
      children: [
        { type: 'list-item', children: [{ text: 'Ý một' }] },
        { type: 'list-item', children: [{ text: 'Ý hai' }] },
      ],
    },
    { type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: 'Bước một' }] }] },
    {
      type: 'paragraph',
      children: [
        { text: 'Xem ' },
        { type: 'link', url: 'https://www.qdnd.vn/', children: [{ text: 'báo' }] },
        { text: '' },
      ],
    },
  ]);

  await page.reload();
  await expect(page.locator('[data-testid=editor] h2')).toHaveText('Tít phụ');
  await expect(page.locator('[data-testid=editor] ol li')).toHaveText(['Bước một']);
  await expect(page.locator('[data-testid=editor] strong')).toHaveText('đậm');
});

test('contributors give the credit line in house style; the outlet prefix opens the lead', async ({
  page,
  serve,
  stored,
}) => {
  const server = await serve();
  await page.goto(server.url);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-user').fill('Thu Hà');
  await page.getByTestId('setting-prefix').fill('CNQP&KT');
  await page.getByTestId('save-settings').click();
  const id = await newArticle(page);
  await expect(page.getByTestId('outlet-prefix')).toHaveText('CNQP&KT - ');
  await page.getByTestId('add-contributor').click();
  await page.getByTestId('contributor-name-0').fill('Nguyên Khôi');
  await page.getByTestId('contributor-0-photo').check();
  await page.getByTestId('add-contributor').click();
  await page.getByTestId('contributor-name-1').fill('Minh Tuấn');
  await page.getByTestId('contributor-1-photo').check();
  await expect(page.getByTestId('credit-line')).toHaveText('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN');
  await page.getByTestId('kind').selectOption('article');
  await expect(page.getByTestId('credit-line')).toHaveText('Bài, ảnh: NGUYÊN KHÔI - MINH TUẤN');
  await page.getByTestId('contributor-1-text').uncheck();
  await expect(page.getByTestId('credit-line')).toHaveText('Bài, ảnh: NGUYÊN KHÔI; Ảnh: MINH TUẤN');
  await expectSaved(page);
  expect((stored(id) as unknown as StoredFull).contributors).toEqual([
    { name: 'Nguyên Khôi', roles: ['text', 'photo'] },
    { name: 'Minh Tuấn', roles: ['photo'] },
  ]);
  await headline(page).click();
  await page.keyboard.type('Hội nghị tổng kết công tác Đảng');
  await expect(page.getByTestId('slug')).toHaveValue('hoi-nghi-tong-ket-cong-tac-dang');
});

test('the workflow moves forward, refuses what the desk does not allow, and records who', async ({
  page,
  serve,
  stored,
}) => {
  const server = await serve();
  await page.goto(server.url);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-user').fill('Thu Hà');
  await page.getByTestId('save-settings').click();
  const id = await newArticle(page);
  await headline(page).click();
  await page.keyboard.type('Tin nhanh');
  await page.getByTestId('status-approved').click({ force: true });
  await expect(page.getByTestId('transition-refused')).toContainText('cannot become Approved');
  await expect(page.getByTestId('transition-refused')).toContainText('Submitted, Spiked');
  await expect(page.getByTestId('status')).toHaveText('Draft');
  for (const [button, label] of [
    ['status-submitted', 'Submitted'],
    ['status-edited', 'Edited'],
    ['status-approved', 'Approved'],
  ] as const) {
    await page.getByTestId(button).click();
    await expect(page.getByTestId('status')).toHaveText(label);
  }
  await expect(page.getByTestId('status-history').locator('li')).toHaveCount(3);
  const saved = stored(id) as unknown as StoredFull;
  expect(saved.headline).toBe('Tin nhanh');
  expect(saved.status).toBe('approved');
  expect(saved.statusHistory.map((change) => `${change.from}→${change.to}:${change.by}`)).toEqual([
    'draft→submitted:Thu Hà',
    'submitted→edited:Thu Hà',
    'edited→approved:Thu Hà',
  ]);
  await page.getByTestId('filter-status').selectOption('approved');
  await expect(page.locator('[data-article-id]')).toHaveCount(1);
  await page.getByTestId('filter-status').selectOption('draft');
  await expect(page.locator('[data-article-id]')).toHaveCount(0);
});

test('an editor note anchored to a passage is marked and listed, and stored with the text', async ({
  page,
  serve,
  stored,
}) => {
  const { id } = await openNewArticle(page, serve);
  await paragraphs(page).first().click();
  await page.keyboard.type('Trung tướng Nguyễn Mạnh Hùng chủ trì');
  await selectBackwards(page, 'chủ trì'.length);
  await page.getByTestId('add-passage-note').click();
  await page.getByTestId('note-text').fill('Kiểm tra chức danh');
  await page.getByTestId('note-text').press('Enter');
  await expect(page.locator('[data-testid=editor] mark.note-anchor')).toHaveText('chủ trì');
  await expect(page.getByTestId('notes')).toContainText('Kiểm tra chức danh');
  await expect(page.getByTestId('notes')).toContainText('on a passage');
  await expectSaved(page);
  const saved = stored(id) as unknown as {
    notes: { id: string; text: string }[];
    body: { children: { text: string; note?: string }[] }[];
  };
  expect(saved.notes).toHaveLength(1);
  expect(saved.body[0]?.children).toContainEqual({ text: 'chủ trì', note: saved.notes[0]?.id });
});

test('a keystroke in a 2,000-block article does not walk the whole editor, and the caret stays put', async ({
  page,
  serve,
  stored,
}) => {
  const server = await serve();
  const body = Array.from({ length: 2000 }, (_, index) => ({
    type: 'paragraph',
    children: [{ text: `Đoạn ${index + 1} của bài dài.` }],
  }));
  const { id } = await callApi<{ id: number }>(server, 'articles.create', { headline: 'Bài dài' });
  await callApi(server, 'articles.save', { id, baseVersion: 1, body });
  await page.goto(server.url);
  await openArticle(page, id);
  const middle = paragraphs(page).nth(1000);
  await expect(middle).toHaveText('Đoạn 1001 của bài dài.');
  await middle.click();
  await page.keyboard.press('End');
  // React DOM, before a commit with the focus in a contenteditable, visits every node of it to
  // note the caret; Slate keeps the caret itself, so the editor opts out (reactSelectionScan.ts).
  // Count the sibling steps taken by anything during keystrokes, against the editor's size.
  const nodes = await page.evaluate(() => {
    const editorRoot = document.querySelector('[data-testid=editor]');
    if (!editorRoot) throw new Error('no editor');
    const walker = document.createTreeWalker(editorRoot);
    let count = 0;
    while (walker.nextNode()) count += 1;
    const property = Object.getOwnPropertyDescriptor(Node.prototype, 'nextSibling');
    if (!property) throw new Error('no nextSibling getter');
    const probe = { visits: 0 };
    (window as unknown as { probe: typeof probe }).probe = probe;
    Object.defineProperty(Node.prototype, 'nextSibling', {
      ...property,
      get(this: Node) {
        probe.visits += 1;
        return property.get?.call(this) as Node | null;
      },
    });
    return count;
  });
  await page.keyboard.type('ẩy');
  const visits = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve((window as unknown as { probe: { visits: number } }).probe.visits)),
        ),
      ),
  );
  expect(nodes).toBeGreaterThan(8000);
  expect(visits).toBeLessThan(nodes / 10);
  await page.keyboard.type(' nữa');
  await expect(middle).toHaveText('Đoạn 1001 của bài dài.ẩy nữa');
  await expectSaved(page);
  expect(stored(id).text.split('\n')[1000]).toBe('Đoạn 1001 của bài dài.ẩy nữa');
});
