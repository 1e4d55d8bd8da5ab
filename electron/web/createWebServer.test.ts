import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { api, send, start } from '../testing/testWebServer';

describe('the browser edition server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a long random token', async () => {
    const { web } = await start();
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    const other = await start();
    expect(other.web.token).not.toBe(web.token);
  });

  it('answers the contract with the right token', async () => {
    const { web, port } = await start();
    const auth = { Authorization: `Bearer ${web.token}`, Origin: web.origin };
    const created = await api(port, 'articles.create', { headline: 'Tin, ảnh' }, auth);
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { id: 1, headline: 'Tin, ảnh', version: 1 } });
    const listed = await api(port, 'articles.list', {}, auth);
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: { articles: [{ id: 1 }], next: null } });
    expect(listed.headers['cache-control']).toBe('no-store');
  });

  it('answers 401 without the token or with a wrong one, and writes nothing', async () => {
    const { web, core, port } = await start();
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong-token-wrong-token' },
      { Authorization: web.token },
      { Authorization: `Basic ${web.token}` },
    ];
    for (const headers of attempts) {
      const answer = await api(port, 'articles.create', { headline: 'x' }, headers);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(core.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
  });

  it('answers 403 to another Host (DNS rebinding) or Origin, even with the token', async () => {
    const { web, core, port } = await start();
    const token = { Authorization: `Bearer ${web.token}` };
    for (const host of ['localhost:' + port, 'evil.example:' + port, '127.0.0.1', '127.0.0.1:1']) {
      const answer = await api(port, 'articles.create', { headline: 'x' }, { ...token, Host: host });
      expect(answer.status, host).toBe(403);
    }
    for (const origin of ['http://evil.example', `http://localhost:${port}`, 'null', `https://127.0.0.1:${port}`]) {
      const answer = await api(port, 'articles.create', { headline: 'x' }, { ...token, Origin: origin });
      expect(answer.status, origin).toBe(403);
    }
    const page = await send(port, { path: '/', headers: { Host: `evil.example:${port}` } });
    expect(page.status).toBe(403);
    expect(core.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
  });

  it('refuses bad requests with typed errors', async () => {
    const { web, port } = await start();
    const auth = { Authorization: `Bearer ${web.token}` };
    const notJson = await send(port, {
      method: 'POST',
      path: '/api/articles.list',
      headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...auth },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    const wrongType = await send(port, {
      method: 'POST',
      path: '/api/articles.list',
      headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'text/plain', ...auth },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    const get = await send(port, { path: '/api/articles.list', headers: { Host: `127.0.0.1:${port}`, ...auth } });
    expect(get.status).toBe(405);
    const unknown = await api(port, 'articles.drop', {}, auth);
    expect(unknown.status).toBe(404);
    const invalid = await api(port, 'articles.get', { id: 'one' }, auth);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('serves the build with a strict CSP and nothing outside it', async () => {
    const { port } = await start();
    const host = { Host: `127.0.0.1:${port}` };
    const index = await send(port, { path: '/', headers: host });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect((await send(port, { path: '/assets/app.js', headers: host })).status).toBe(200);
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/data/archive.sqlite3',
    ]) {
      const answer = await send(port, { path, headers: host });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('outside the build');
    }
  });
});

describe('photo renditions', () => {
  it('are served to the token holder by id and kind, and nothing else is reachable that way', async () => {
    const { web, port } = await start();
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#468' } })
      .jpeg()
      .toBuffer();
    const imported = JSON.parse(
      (
        await api(
          port,
          'photos.import',
          { fileName: 'anh.jpg', dataBase64: jpeg.toString('base64') },
          { Authorization: `Bearer ${web.token}` },
        )
      ).body,
    ) as { ok: boolean; value: { status: string; photo: { id: string } } };
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported' } });
    const id = imported.value.photo.id;
    const host = { Host: `127.0.0.1:${port}` };
    const thumb = await send(port, { path: `/media/${web.token}/${id}-thumb.webp`, headers: host });
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(port, { path: `/media/${'x'.repeat(32)}/${id}-thumb.webp`, headers: host })).status).toBe(401);
    for (const path of [
      `/media/${web.token}/../archive.sqlite3`,
      `/media/${web.token}/%2e%2e%2farchive.sqlite3`,
      `/media/${web.token}/${id}-original.webp`,
      `/media/${web.token}/${id.toUpperCase()}-thumb.webp`,
      `/media/${web.token}/${'0'.repeat(64)}-thumb.webp`,
      `/media/${web.token}/${id}-thumb.webp/../../secret.txt`,
    ]) {
      const answer = await send(port, { path, headers: host });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('outside the build');
    }
  });
});
