import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './webPreferences';

describe('the desktop window', () => {
  it('is sandboxed and isolated, with no Node in the page', () => {
    expect(secureWebPreferences('/app/preload.cjs', 'linux')).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('uses the system spell checker only where it needs no download (macOS)', () => {
    expect(secureWebPreferences('', 'linux').spellcheck).toBe(false);
    expect(secureWebPreferences('', 'win32').spellcheck).toBe(false);
    expect(secureWebPreferences('', 'darwin').spellcheck).toBe(true);
  });
});
