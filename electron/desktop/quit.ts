import { app, dialog, ipcMain } from 'electron';
import type { BrowserWindow, IpcMainEvent } from 'electron';
import { flushChannel, flushedChannel } from '../../shared/api/methodNames';
import type { ArchiveService } from '../core/archiveService';
import { mayCallCore } from './appUrl';
import { menuLanguage } from './menuTemplate';
import { quitSequence } from './quitSequence';

const text = {
  en: {
    title: 'Your latest changes are not saved yet',
    timeout: 'Saving did not finish in time.',
    failed: 'Saving failed.',
    detail: 'The text is still in the window. If you quit now, the changes since the last save are lost.',
    quit: 'Quit anyway',
    stay: 'Keep working',
  },
  vi: {
    title: 'Những thay đổi mới nhất chưa được lưu',
    timeout: 'Việc lưu chưa xong trong thời gian cho phép.',
    failed: 'Lưu không thành công.',
    detail: 'Văn bản vẫn còn trong cửa sổ. Nếu thoát bây giờ, những thay đổi từ lần lưu cuối sẽ mất.',
    quit: 'Vẫn thoát',
    stay: 'Tiếp tục làm việc',
  },
};

const boundMs = 5_000;

/** Quitting or closing the window waits for the page's pending save, then closes the archive (quitSequence). */
export function holdQuitForSaves(window: BrowserWindow, core: ArchiveService): void {
  const words = text[menuLanguage(app.getLocale())];
  let request = 0;
  const requestFlush = (): Promise<boolean> => {
    if (window.isDestroyed()) return Promise.resolve(true);
    const id = (request += 1);
    return new Promise<boolean>((resolve) => {
      const onFlushed = (event: IpcMainEvent, answer: unknown, saved: unknown) => {
        const fromPage = mayCallCore({
          fromAppWindow: event.sender === window.webContents,
          fromMainFrame: event.senderFrame === window.webContents.mainFrame,
          frameUrl: event.senderFrame?.url,
        });
        if (answer !== id || !fromPage) return;
        ipcMain.off(flushedChannel, onFlushed);
        resolve(saved === true);
      };
      ipcMain.on(flushedChannel, onFlushed);
      setTimeout(() => ipcMain.off(flushedChannel, onFlushed), boundMs * 2).unref();
      window.webContents.send(flushChannel, id);
    });
  };
  const sequence = quitSequence({
    requestFlush,
    confirmQuit: async (outcome) => {
      const options = {
        type: 'warning' as const,
        buttons: [words.quit, words.stay],
        defaultId: 1,
        cancelId: 1,
        message: words.title,
        detail: `${words[outcome]} ${words.detail}`,
      };
      const { response } = window.isDestroyed()
        ? await dialog.showMessageBox(options)
        : await dialog.showMessageBox(window, options);
      return response === 0;
    },
    closeArchive: () => core.close(),
    quit: () => app.quit(),
    boundMs,
  });
  const hold = (event: { preventDefault: () => void }) => {
    if (!sequence.beforeQuit()) event.preventDefault();
  };
  app.on('before-quit', hold);
  window.on('close', hold);
  // Logging out: Windows says so to the window and does not wait; Linux sends SIGTERM. Either
  // way the pending save is started at once, which is all the system leaves time for.
  window.on('session-end', () => sequence.beforeQuit());
  process.once('SIGTERM', () => app.quit());
}
