import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import { tempDir } from '../testing/tempDir';
import { appRequestHandler } from './appRequests';

const photoId = 'a'.repeat(64);

function setUp() {
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Newsroom</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-3f2a.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'mật khẩu');
  const renditions = join(root, 'renditions');
  mkdirSync(renditions);
  writeFileSync(join(renditions, `${photoId}-thumb.webp`), 'RIFF....WEBP');
  const handle = appRequestHandler(rendererDir, (id, kind) => join(renditions, `${id}-${kind}.webp`));
  return (url: string, init?: RequestInit) => handle(new Request(url, init));
}

describe('newsroom://app/ (the desktop protocol, as a function of the request)', () => {
  it('serves the page with its security policy, and the built assets', async () => {
    const get = setUp();
    const page = await get('newsroom://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toContain('<title>Newsroom</title>');
    expect((await get('newsroom://app/')).status).toBe(200);
    const script = await get('newsroom://app/assets/index-3f2a.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a photo rendition by id and kind only', async () => {
    const get = setUp();
    const thumb = await get(`newsroom://app/media/${photoId}-thumb.webp`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await get(`newsroom://app/media/${photoId}-preview.webp`)).status).toBe(404);
    expect((await get(`newsroom://app/media/${'A'.repeat(64)}-thumb.webp`)).status).toBe(404);
    expect((await get(`newsroom://app/media/../secret.txt`)).status).toBe(404);
    expect((await get(`newsroom://app/media/${photoId}-thumb.webp%00.txt`)).status).toBe(404);
  });

  it.each([
    'newsroom://app/../secret.txt',
    'newsroom://app/%2e%2e/secret.txt',
    'newsroom://app/%2e%2e%2fsecret.txt',
    'newsroom://app/assets/..%2f..%2fsecret.txt',
    'newsroom://app/..%5csecret.txt',
    'newsroom://app/%00index.html',
    'newsroom://app//etc/passwd',
    'newsroom://app/nothing-here.html',
    'newsroom://other/index.html',
    'newsroom://app.example.com/index.html',
    'newsroom://app:99/index.html',
  ])('answers %s with 404 and nothing from outside the build', async (url) => {
    const get = setUp();
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('mật khẩu');
  });

  it('answers only GET', async () => {
    const get = setUp();
    expect((await get('newsroom://app/index.html', { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await get('newsroom://app/index.html', { method: 'HEAD' })).status).toBe(404);
  });
});
