import { app, shell, session } from 'electron';
import type { WebContents } from 'electron';

import { mayNavigate, mayNavigateFrame, windowOpenAction } from './appUrl';

/** No navigation away from the app, no new windows, no webviews; web links go to the system browser. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigateFrame(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenAction(url) === 'open-externally') void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission (camera, notifications, geolocation, …) is refused. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function lockDownAllContents(): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}
