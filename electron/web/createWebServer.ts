import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethodName } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import { contentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import type { Handlers } from '../core/createCore';
import { dispatch } from '../core/dispatch';
import { readBody, sameToken, securityHeaders, sendJson } from './http';
import type { MediaFile } from './media';
import { serveMedia } from './media';
import { readStatic } from './staticFiles';

const host = '127.0.0.1';
/** Any local process may connect: a few dozen connections is more than a page ever opens. */
const maxConnections = 64;
/** A one-time address for opening the browser is good for this long, and once. */
const ticketMs = 120_000;

export interface WebServerOptions {
  handlers: Handlers;
  /** The built renderer; nothing outside it is served. */
  staticDir: string;
  port?: number;
  token?: string;
  /** The file of a photo rendition, or undefined; photos are served under /media/<token>/<id>-<kind>.webp. */
  media?: MediaFile;
}

export interface WebServer {
  server: Server;
  url: string;
  origin: string;
  token: string;
  /**
   * An address to hand a browser (on its command line, into its history): it carries a ticket
   * the page exchanges once for the token, so neither place keeps a secret that still works.
   */
  oneTimeUrl: () => string;
  close: () => Promise<void>;
}

/**
 * The browser edition: the built renderer and the contract as POST /api/<method>,
 * on 127.0.0.1 only, behind a per-run token, refusing any other Host or Origin
 * (which also stops DNS-rebinding pages from reaching it).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expectedToken = Buffer.from(token);
  let origin = '';
  let expectedHost = '';

  const handleApi = async (request: IncomingMessage, response: ServerResponse, method: string): Promise<void> => {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendJson(response, 405, fail('validation', 'The API takes POST requests only.'));
      return;
    }
    if (!sameToken(expectedToken, request.headers.authorization)) {
      sendJson(response, 401, fail('unauthorized', 'Missing or wrong token: open the address the server printed.'));
      return;
    }
    if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      sendJson(response, 415, fail('validation', 'The API takes application/json.'));
      return;
    }
    if (!isMethodName(method)) {
      sendJson(response, 404, fail('not_found', 'There is no such API method.'));
      return;
    }
    const body = await readBody(request);
    if (body === 'too_large') {
      sendJson(response, 413, fail('validation', 'The request is too large.'));
      return;
    }
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, fail('validation', 'The request body is not valid JSON.'));
      return;
    }
    sendJson(response, 200, await dispatch(options.handlers, method, input));
  };

  const tickets = new Map<string, number>();
  /** POST /session {ticket}: a ticket (unused, not expired) is exchanged for the token, once. */
  const handleSession = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST' || !/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      sendJson(response, 405, fail('validation', 'POST a JSON {"ticket": …} here.'));
      return;
    }
    const body = await readBody(request);
    let ticket: unknown;
    try {
      ticket = body === 'too_large' ? undefined : (JSON.parse(body.toString('utf8')) as { ticket?: unknown }).ticket;
    } catch {
      ticket = undefined;
    }
    const expires = typeof ticket === 'string' ? tickets.get(ticket) : undefined;
    if (typeof ticket === 'string') tickets.delete(ticket);
    if (expires === undefined || expires < Date.now()) {
      sendJson(
        response,
        401,
        fail('unauthorized', 'This address was already used or has expired: open the address the server printed.'),
      );
      return;
    }
    sendJson(response, 200, { ok: true, value: { token } });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Origin-form targets only: an absolute-form one ("POST http://elsewhere/…") is a proxy request.
    if (!request.url?.startsWith('/')) {
      sendJson(response, 400, fail('validation', 'Only requests for a path on this server are answered.'));
      return;
    }
    if (request.headers.host !== expectedHost) {
      sendJson(response, 403, fail('forbidden', 'Wrong Host header: the editor answers only on its loopback address.'));
      return;
    }
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      sendJson(response, 403, fail('forbidden', 'Requests from other origins are refused.'));
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url.pathname.slice('/api/'.length));
      return;
    }
    if (url.pathname === '/session') {
      await handleSession(request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, fail('validation', 'Only GET is served outside /api/.'));
      return;
    }
    if (url.pathname.startsWith('/media/')) {
      await serveMedia(response, url.pathname, request.method === 'HEAD', expectedToken, options.media);
      return;
    }
    const file = await readStatic(options.staticDir, url.pathname);
    if (!file) {
      response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Content-Security-Policy': contentSecurityPolicy,
      'Cache-Control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  // Silent connections are dropped after 10 s (headers checked every second, not every 30 s).
  const server = createServer(
    { headersTimeout: 10_000, requestTimeout: 120_000, connectionsCheckingInterval: 1_000 },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        console.error('[web] request failed:', error);
        if (!response.headersSent) sendJson(response, 500, fail('internal', 'The server failed to answer.'));
        else response.destroy();
      });
    },
  );
  server.maxConnections = maxConnections;
  server.keepAliveTimeout = 5_000;
  // A connection that sends nothing at all is closed after 10 s; once it asks something, the
  // header and request timeouts above apply instead (an export may take longer than 10 s).
  server.on('connection', (socket) => socket.setTimeout(10_000, () => socket.destroy()));
  server.on('request', (request: IncomingMessage) => request.socket.setTimeout(0));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `${host}:${port}`;
  origin = `http://${expectedHost}`;
  return {
    server,
    origin,
    token,
    url: `${origin}/?token=${token}`,
    oneTimeUrl: () => {
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, Date.now() + ticketMs);
      return `${origin}/?ticket=${ticket}`;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
