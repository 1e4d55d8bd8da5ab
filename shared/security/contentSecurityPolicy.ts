/**
 * The page's Content Security Policy, the same in both shells: scripts and styles only from
 * the app itself (no inline script or style, no eval), no plugins, no framing, no form posts.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
