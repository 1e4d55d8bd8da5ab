import type { WebPreferences } from 'electron';

/**
 * The renderer is a sandboxed, isolated page that reaches the core only through the preload's
 * bridge. The system spell checker stays on only on macOS, where it is the system's own: on
 * Windows and Linux Chromium downloads Hunspell dictionaries from Google's servers, which an
 * offline laptop cannot reach, and Chromium reads only its own binary dictionary format, so
 * none can be shipped from the Hunspell files there are. The copy desk checks the text instead.
 */
export const secureWebPreferences = (preload: string, platform: NodeJS.Platform): WebPreferences => ({
  preload,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // A middle click would ask for a new window (which is denied anyway).
  disableBlinkFeatures: 'Auxclick',
  spellcheck: platform === 'darwin',
});
