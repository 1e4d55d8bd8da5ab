const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL re-parsed and serialized, if it is http, https or mailto; otherwise undefined.
 * `javascript:`, `data:`, relative and malformed URLs never survive.
 */
export function safeUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  return allowedProtocols.has(url.protocol) ? url.href : undefined;
}
