import { describe, expect, it } from 'vitest';
import { hostileNavigations } from '../testing/hostileUrls';
import { appOrigin, appPath, mayCallCore, mayNavigate, mayNavigateFrame, windowOpenAction } from './appUrl';

describe("the app's own address", () => {
  it('is told by scheme and host: Node gives every newsroom: URL the origin "null"', () => {
    expect(new URL(`${appOrigin}/index.html`).origin).toBe('null');
    expect(appPath(`${appOrigin}/index.html`)).toBe('/index.html');
    expect(appPath(`${appOrigin}/assets/index-3f2a.js?v=1#x`)).toBe('/assets/index-3f2a.js');
    expect(mayNavigate(`${appOrigin}/index.html`)).toBe(true);
  });

  it.each(hostileNavigations)('refuses to show %j in the window or in a frame', (url) => {
    expect(mayNavigate(url)).toBe(false);
    expect(mayNavigateFrame(url, true)).toBe(false);
    if (url !== 'about:blank') expect(mayNavigateFrame(url, false)).toBe(false);
  });

  it('lets a frame hold only written content or the app itself', () => {
    expect(mayNavigateFrame('about:srcdoc', false)).toBe(true);
    expect(mayNavigateFrame('about:srcdoc', true)).toBe(false);
    expect(mayNavigateFrame(`${appOrigin}/index.html`, false)).toBe(true);
  });

  it('opens no window: web and mail links go to the system, everything else is denied', () => {
    expect(windowOpenAction('https://www.qdnd.vn/bai-viet')).toBe('open-externally');
    expect(windowOpenAction('http://example.com/')).toBe('open-externally');
    expect(windowOpenAction('mailto:toasoan@example.com')).toBe('open-externally');
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      `${appOrigin}/index.html`,
      'chrome://settings',
      'not a url',
    ]) {
      expect(windowOpenAction(url)).toBe('deny');
    }
  });
});

describe('who may call the core over IPC', () => {
  const page = `${appOrigin}/index.html`;
  it("only the app window's main frame showing the app's page", () => {
    expect(mayCallCore({ fromAppWindow: true, fromMainFrame: true, frameUrl: page })).toBe(true);
    expect(mayCallCore({ fromAppWindow: true, fromMainFrame: false, frameUrl: page })).toBe(false);
    expect(mayCallCore({ fromAppWindow: false, fromMainFrame: true, frameUrl: page })).toBe(false);
    expect(mayCallCore({ fromAppWindow: true, fromMainFrame: true, frameUrl: undefined })).toBe(false);
    for (const url of hostileNavigations)
      expect(mayCallCore({ fromAppWindow: true, fromMainFrame: true, frameUrl: url })).toBe(false);
  });
});
