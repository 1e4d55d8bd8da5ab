import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { api, send, start } from '../testing/testWebServer';

const json = (port: string, extra: Record<string, string>) => ({ Host: `127.0.0.1:${port}`, ...extra });

describe('the browser edition server, hardened', () => {
  it('refuses an absolute-form request target (a proxy request), even with the token', async () => {
    const { web, port } = await start();
    const answer = await send(port, {
      method: 'POST',
      path: 'http://evil.example/api/articles.create',
      headers: json(port, { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' }),
      body: JSON.stringify({ headline: 'qua proxy' }),
    });
    expect(answer.status).toBe(400);
    const listed = await api(port, 'articles.list', {}, { Authorization: `Bearer ${web.token}`, Origin: web.origin });
    expect(JSON.parse(listed.body)).toEqual({ ok: true, value: { articles: [], next: null, sections: [] } });
  });

  it('takes application/json and nothing that merely starts like it', async () => {
    const { web, port } = await start();
    const post = (type: string) =>
      send(port, {
        method: 'POST',
        path: '/api/articles.list',
        headers: json(port, { Authorization: `Bearer ${web.token}`, 'Content-Type': type }),
        body: '{}',
      });
    expect((await post('application/json')).status).toBe(200);
    expect((await post('application/json; charset=utf-8')).status).toBe(200);
    expect((await post('application/json-patch+json')).status).toBe(415);
    expect((await post('application/jsonp')).status).toBe(415);
    expect((await post('text/plain')).status).toBe(415);
  });

  it('hands the browser a one-time address: its ticket gives the token once, then nothing', async () => {
    const { web, port } = await start();
    const address = new URL(web.oneTimeUrl());
    expect(address.searchParams.has('token')).toBe(false);
    const ticket = address.searchParams.get('ticket') ?? '';
    expect(ticket).not.toContain(web.token);
    const redeem = (value: string) =>
      send(port, {
        method: 'POST',
        path: '/session',
        headers: json(port, { Origin: web.origin, 'Content-Type': 'application/json' }),
        body: JSON.stringify({ ticket: value }),
      });
    const first = await redeem(ticket);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ ok: true, value: { token: web.token } });
    expect((await redeem(ticket)).status).toBe(401);
    expect((await redeem('x'.repeat(32))).status).toBe(401);
    const fromElsewhere = await send(port, {
      method: 'POST',
      path: '/session',
      headers: json(port, { Origin: 'http://evil.example', 'Content-Type': 'application/json' }),
      body: JSON.stringify({ ticket: new URL(web.oneTimeUrl()).searchParams.get('ticket') }),
    });
    expect(fromElsewhere.status).toBe(403);
  });

  it('caps connections: past the cap, new ones are closed at once', async () => {
    const { port } = await start();
    const sockets: Socket[] = [];
    let closedEarly = 0;
    await Promise.all(
      Array.from(
        { length: 100 },
        () =>
          new Promise<void>((resolve) => {
            const socket = connect(Number(port), '127.0.0.1', () => resolve());
            socket.on('error', () => resolve());
            socket.on('close', () => (closedEarly += 1));
            sockets.push(socket);
          }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(closedEarly).toBeGreaterThanOrEqual(30);
    expect(closedEarly).toBeLessThanOrEqual(40);
    for (const socket of sockets) socket.destroy();
  });

  it('drops a connection that says nothing within about ten seconds', async () => {
    const { port } = await start();
    const started = performance.now();
    const closed = await new Promise<number>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('close', () => resolve(performance.now() - started));
      socket.on('error', () => undefined);
    });
    expect(closed).toBeGreaterThan(9_000);
    expect(closed).toBeLessThan(13_000);
  }, 20_000);
});
