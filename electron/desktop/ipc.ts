import { dialog, ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../shared/api/contract';
import { channelFor } from '../../shared/api/methodNames';
import { fail } from '../../shared/api/result';
import type { Handlers } from '../core/createCore';
import { dispatch } from '../core/dispatch';
import { mayCallCore } from './appUrl';

/** The facts mayCallCore judges, read off the event. */
function fromOurMainFrame(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (window.isDestroyed()) return false;
  return mayCallCore({
    fromAppWindow: event.sender === window.webContents,
    fromMainFrame: frame !== null && frame === window.webContents.mainFrame,
    frameUrl: frame?.url,
  });
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
