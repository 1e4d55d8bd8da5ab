import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Api } from '../../shared/api/contract';
import {
  channelFor,
  flushChannel,
  flushedChannel,
  isMenuCommand,
  menuChannel,
  methodNames,
} from '../../shared/api/methodNames';
import type { MenuCommand } from '../../shared/api/methodNames';

// One named function per contract method; ipcRenderer itself never reaches the page.
const api = Object.fromEntries(
  methodNames.map((method) => [method, (input: unknown) => ipcRenderer.invoke(channelFor(method), input)]),
) as unknown as Api;

contextBridge.exposeInMainWorld('newsroom', api);

// A file dropped on the page: its path, so the core reads the photo itself (no bytes through the page).
contextBridge.exposeInMainWorld('newsroomFiles', { pathForFile: (file: File) => webUtils.getPathForFile(file) });

// Commands from the application menu; only the known ones reach the page.
contextBridge.exposeInMainWorld('newsroomMenu', {
  onCommand: (listener: (command: MenuCommand) => void) => {
    ipcRenderer.on(menuChannel, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    });
  },
});

// Quitting: the page saves what is pending and says whether it is committed. A page that
// registered nothing (the recovery screen) has nothing pending.
let flush: () => Promise<boolean> = () => Promise.resolve(true);
ipcRenderer.on(flushChannel, (_event, request: unknown) => {
  void flush()
    .catch(() => false)
    .then((saved) => ipcRenderer.send(flushedChannel, request, saved));
});
contextBridge.exposeInMainWorld('newsroomLifecycle', {
  onFlushRequest: (handler: () => Promise<boolean>) => {
    flush = handler;
  },
});
