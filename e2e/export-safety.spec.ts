import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emptyContent, paragraph } from '../shared/article/article';
import type { Block } from '../shared/article/article';
import { htmlToBlocks } from '../shared/article/fromHtml';
import { defaultSettings } from '../shared/settings/settings';
import { createArticle, saveArticle } from '../electron/core/archive/articleStore';
import { openArchive } from '../electron/core/archive/openArchive';
import { archivePath } from '../electron/core/dataDir';
import { exportStory } from '../electron/core/export/exportStory';
import { PhotoImporter } from '../electron/core/photos/photoImporter';
import { importPhotoFiles } from '../electron/core/photos/photoImport';
import { updatePhotos } from '../electron/core/photos/photoStore';
import { updateSettings } from '../electron/core/archive/settingsStore';
import { expect, test } from './support/fixtures';
import { photo } from './support/photos';
import { repoRoot } from './support/server';

// The exported page in Chromium, as a reader's browser opens it: no script from the article's
// text or a photo's metadata runs, and it is accessible. Packages are made by the core itself.

const figure = (photoId: string, caption: string): Block => ({
  type: 'figure',
  photoId,
  caption,
  children: [{ text: '' }],
});

/** An archive in the test's data folder, with one photo imported. */
async function archiveWithPhoto(dataDir: string) {
  const db = openArchive(archivePath(dataDir));
  const file = await photo(dataDir, 'anh.jpg', '#a33', [], 400);
  const importer = new PhotoImporter();
  const [result] = await importPhotoFiles(db, dataDir, importer, [{ path: file, name: 'anh.jpg' }]);
  importer.close();
  if (result?.status !== 'imported') throw new Error('the photo was not imported');
  return { db, photoId: result.photo.id };
}

test('the 141 alert payloads in headline, lead, pasted body, caption, credit and alt text: exported pages run nothing and link only to http, https or mailto', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(240_000);
  const corpus = (
    (await import(join(repoRoot, '..', 'shared', 'corpora', 'xss', 'dompurify-expect.mjs'))) as {
      default: { payload: string }[];
    }
  ).default;
  const payloads = corpus.map((entry) => entry.payload).filter((payload) => payload.includes('alert'));
  expect(payloads).toHaveLength(141);
  const { db, photoId } = await archiveWithPhoto(dataDir);
  updateSettings(db, { outletPrefix: 'CNQP&KT' });

  const pages: string[] = [];
  for (const [index, payload] of payloads.entries()) {
    // Credit, caption and alt text come from the photo's metadata, the body through the paste mapping.
    updatePhotos(db, [photoId], {
      creator: payload,
      creditLine: payload,
      altText: payload,
      description: payload,
      copyright: payload,
      usageTerms: payload,
    });
    const article = createArticle(db, emptyContent(payload));
    saveArticle(db, article.id, 1, {
      lead: [{ text: payload }],
      body: [...htmlToBlocks(payload), paragraph('Đoạn cuối.'), figure(photoId, payload)],
      section: payload.slice(0, 80),
      tags: [payload.slice(0, 60)],
      contributors: [{ name: payload.slice(0, 120), roles: ['text', 'photo'] }],
    });
    const out = join(dataDir, 'packages', String(index));
    const result = await exportStory(db, dataDir, article.id, out, { draft: true });
    expect(result.status, payload).toBe('exported');
    pages.push(join(out, 'index.html'));
  }
  db.close();

  await page.addInitScript(() => {
    const fired: string[] = [];
    Object.assign(window, { fired });
    window.alert = (message?: unknown) => void fired.push(`alert:${String(message)}`);
    window.confirm = (message?: string) => (fired.push(`confirm:${String(message)}`), false);
    window.prompt = (message?: string) => (fired.push(`prompt:${String(message)}`), null);
  });
  const findings: string[] = [];
  for (const [index, file] of pages.entries()) {
    await page.goto(pathToFileURL(file).href);
    // Time for anything a payload might have scheduled (timers, image errors, animations).
    await page.waitForTimeout(50);
    const found = await page.evaluate(() => {
      const problems: string[] = [...(window as unknown as { fired: string[] }).fired];
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          if (attribute.startsWith('on')) problems.push(`${element.tagName}[${attribute}]`);
          if (attribute === 'style') problems.push(`${element.tagName}[style]`);
          if (!['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href'].includes(attribute))
            continue;
          const value = element.getAttribute(attribute) ?? '';
          for (const url of attribute === 'srcset'
            ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')
            : [value]) {
            // The package's own files are relative ("images/…"); anything else is http, https or mailto.
            const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
            if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme))
              problems.push(`${element.tagName}[${attribute}=${url}]`);
          }
        }
      }
      for (const script of document.querySelectorAll('script'))
        if (script.type !== 'application/ld+json') problems.push(`script[type=${script.type}]`);
      for (const tag of [
        'iframe',
        'object',
        'embed',
        'svg',
        'math',
        'form',
        'base',
        'link[rel=import]',
        'meta[http-equiv]',
      ]) {
        if (document.querySelector(tag)) problems.push(tag);
      }
      return problems;
    });
    findings.push(...found.map((problem) => `payload ${index}: ${problem}`));
  }
  expect(findings).toEqual([]);
  // And the payload text is all there, as text: the headline reads exactly as typed.
  const headline = await page.locator('h1').textContent();
  expect(headline).toBe(payloads.at(-1));
});

test('the exported page has no WCAG 2 A or AA violations (axe-core), the comment form included', async ({
  page,
  dataDir,
}) => {
  const { db, photoId } = await archiveWithPhoto(dataDir);
  updatePhotos(db, [photoId], {
    creator: 'Minh Tuấn',
    altText: 'Trung tướng Nguyễn Mạnh Hùng trao Bằng khen.',
    copyright: '© 2019 Báo QĐND',
  });
  updateSettings(db, {
    outletPrefix: 'CNQP&KT',
    export: {
      ...defaultSettings.export,
      siteUrl: 'https://qdnd.vn/',
      commentForm: { enabled: true, action: 'https://qdnd.vn/binh-luan' },
    },
  });
  const sample = readFileSync(join(repoRoot, '..', 'shared', 'fixtures', 'sample-article-vi.txt'), 'utf8');
  const [lead = '', ...rest] = sample
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean);
  const article = createArticle(db, emptyContent('Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2019'));
  saveArticle(db, article.id, 1, {
    section: 'Quốc phòng',
    lead: [{ text: lead.replace(/^CNQP&KT - /, '') }],
    body: [
      paragraph(rest[0] ?? ''),
      figure(photoId, rest[1] ?? ''),
      { type: 'heading', level: 2, children: [{ text: 'Nhiệm vụ năm 2020' }] },
      paragraph(rest[2] ?? ''),
      { type: 'blockquote', children: [{ text: 'Đền ơn đáp nghĩa' }] },
      {
        type: 'bulleted-list',
        children: [
          { type: 'list-item', children: [{ text: 'Một' }] },
          { type: 'list-item', children: [{ text: 'Hai' }] },
        ],
      },
    ],
    contributors: [
      { name: 'Nguyên Khôi', roles: ['text'] },
      { name: 'Minh Tuấn', roles: ['text', 'photo'] },
    ],
  });
  const out = join(dataDir, 'package');
  expect((await exportStory(db, dataDir, article.id, out, { draft: true })).status).toBe('exported');
  db.close();

  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  await expect(page.locator('form')).toHaveCount(1);
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] }>;
        };
      }
    ).axe;
    const { violations, passes } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return {
      violations: violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
      passes: passes.length,
    };
  });
  expect(results.violations).toEqual([]);
  // The rules really ran (colour contrast, labels, image alt, lang, …).
  expect(results.passes).toBeGreaterThan(10);
});
