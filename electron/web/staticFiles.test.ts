import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './staticFiles';

describe('resolveStaticPath', () => {
  const root = '/srv/build';
  it.each([
    ['/', '/srv/build/index.html'],
    ['/assets/app.js', '/srv/build/assets/app.js'],
    ['/assets/t%E1%BB%95ng.js', '/srv/build/assets/tổng.js'],
  ])('maps %s inside the build', (url, expected) => {
    expect(resolveStaticPath(root, url)).toBe(expected);
  });

  it.each([
    '/../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/assets/../../etc/passwd',
    '/..%2f..%2fetc',
    '/a%5c..%5c..%5cetc',
    '/%00',
    '/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveStaticPath(root, url)).toBeUndefined();
  });
});
