/**
 * The hash of the exported page's stylesheet (`exportStyle`). The export dialog previews that
 * page in a sandboxed srcdoc frame, which inherits this policy: the hash lets exactly that
 * stylesheet apply there, and no other inline style anywhere. A unit test keeps it in step.
 */
export const exportStyleHash = "'sha256-1MHONOOyVJkhOuK2Al3kCp49H/5eoutcCxvIAVGWCIQ='";

/**
 * The page's Content Security Policy, the same in both shells: scripts and styles only from
 * the app itself (no inline script, no inline style but the export preview's, no eval), no
 * plugins, no framing, no form posts.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${exportStyleHash}`,
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
