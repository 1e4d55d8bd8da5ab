import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { readStatic } from '../web/staticFiles';
import { contentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import { appOrigin, appScheme } from './security';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer, and nothing outside it, as newsroom://app/; photo renditions as
 * newsroom://app/media/<id>-<kind>.webp, the file named from a 64-hex id and a kind only.
 */
export function handleAppProtocol(rendererDir: string, media: (id: string, kind: 'thumb' | 'preview') => string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.origin !== appOrigin || request.method !== 'GET') return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/media/')) {
      const match = /^\/media\/([a-f0-9]{64})-(thumb|preview)\.webp$/.exec(url.pathname);
      if (!match?.[1] || !match[2]) return new Response('Not found', { status: 404 });
      try {
        const body = await readFile(media(match[1], match[2] as 'thumb' | 'preview'));
        return new Response(new Uint8Array(body), { headers: { 'Content-Type': 'image/webp', 'X-Content-Type-Options': 'nosniff' } });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    }
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
