import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import { readStatic } from '../web/staticFiles';
import { appPath } from './appUrl';

export type RenditionKind = 'thumb' | 'preview';

const notFound = (): Response =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * What newsroom://app/ answers, as a function of the request (Electron's protocol.handle
 * calls it): the built renderer and nothing outside it; photo renditions as
 * /media/<64-hex id>-<thumb|preview>.webp, the file named from the id and kind only.
 */
export function appRequestHandler(
  rendererDir: string,
  media: (id: string, kind: RenditionKind) => string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const path = appPath(request.url);
    if (path === undefined || request.method !== 'GET') return notFound();
    if (path.startsWith('/media/')) {
      const match = /^\/media\/([a-f0-9]{64})-(thumb|preview)\.webp$/.exec(path);
      if (!match?.[1] || !match[2]) return notFound();
      try {
        const body = await readFile(media(match[1], match[2] as RenditionKind));
        return new Response(new Uint8Array(body), {
          headers: { 'Content-Type': 'image/webp', 'X-Content-Type-Options': 'nosniff' },
        });
      } catch {
        return notFound();
      }
    }
    const file = await readStatic(rendererDir, path);
    if (!file) return notFound();
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
