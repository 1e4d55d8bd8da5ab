import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { sameToken, securityHeaders } from './http';

/** The file of a photo rendition, or undefined when there is none. */
export type MediaFile = (id: string, kind: 'thumb' | 'preview') => string | undefined;

/**
 * Photo renditions for <img>: the token is in the path (an image request cannot carry a
 * header), the file name is built from a 64-hex id and a kind, never from the request.
 */
export async function serveMedia(
  response: ServerResponse,
  pathname: string,
  head: boolean,
  expectedToken: Buffer,
  media: MediaFile | undefined,
): Promise<void> {
  const match = /^\/media\/([A-Za-z0-9_-]{16,128})\/([a-f0-9]{64})-(thumb|preview)\.webp$/.exec(pathname);
  const notFound = () => {
    response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  };
  if (!match?.[1] || !match[2] || !match[3]) return notFound();
  if (!sameToken(expectedToken, `Bearer ${match[1]}`)) {
    response.writeHead(401, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Unauthorized');
    return;
  }
  const file = media?.(match[2], match[3] as 'thumb' | 'preview');
  let body: Buffer;
  try {
    if (!file) return notFound();
    body = await readFile(file);
  } catch {
    return notFound();
  }
  response.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'image/webp',
    'Content-Length': body.length,
    // Content-addressed: the bytes behind a name never change.
    'Cache-Control': 'private, max-age=31536000, immutable',
  });
  response.end(head ? undefined : body);
}
