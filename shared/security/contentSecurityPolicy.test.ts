import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportStyle } from '../export/articlePage';
import { contentSecurityPolicy, exportStyleHash } from './contentSecurityPolicy';

describe('the content security policy', () => {
  it("allows the exported page's stylesheet by its hash (for the export preview), and no inline script", () => {
    expect(exportStyleHash).toBe(`'sha256-${createHash('sha256').update(exportStyle).digest('base64')}'`);
    const directives = new Map(
      contentSecurityPolicy.split('; ').map((directive) => [directive.split(' ')[0], directive]),
    );
    expect(directives.get('style-src')).toBe(`style-src 'self' ${exportStyleHash}`);
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
  });
});
