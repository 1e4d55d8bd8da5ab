import { dialog, ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../shared/api/contract';
import { channelFor } from '../../shared/api/methodNames';
import { fail } from '../../shared/api/result';
import type { Handlers } from '../core/createCore';
import { dispatch } from '../core/dispatch';
import { appOrigin } from './security';

/** Only our own window's main frame, showing our own page, may call the core. */
function fromOurMainFrame(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (!frame || window.isDestroyed()) return false;
  if (event.sender !== window.webContents || frame !== window.webContents.mainFrame) return false;
  try {
    return new URL(frame.url).origin === appOrigin;
  } catch {
    return false;
  }
}

/** The system's file dialog for photos: only the paths chosen go back to the page. */
async function pickPhotos(window: BrowserWindow): Promise<string[]> {
  const chosen = await dialog.showOpenDialog(window, {
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Photos', extensions: ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'heic'] }],
  });
  return chosen.canceled ? [] : chosen.filePaths;
}

export function registerIpc(handlers: Handlers, window: BrowserWindow): void {
  const desktopHandlers: Handlers = { ...handlers, 'photos.pickFiles': () => pickPhotos(window) };
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), async (event, input: unknown) => {
      if (!fromOurMainFrame(event, window)) return fail('forbidden', 'This frame may not call the archive.');
      return dispatch(desktopHandlers, method, input);
    });
  }
}
