import { dialog, Menu } from 'electron';
import type { BrowserWindow } from 'electron';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { menuChannel } from '../../shared/api/methodNames';
import type { MenuCommand } from '../../shared/api/methodNames';
import type { Handlers } from '../core/createCore';
import { dispatch } from '../core/dispatch';
import { maxImportBytes } from '../core/import/importDocument';
import { menuLabels, menuLanguage, menuTemplate } from './menuTemplate';

/**
 * Installs the application menu (menuTemplate). A command goes to the page, which runs it as
 * its own buttons do; a document is read and imported here, in the main process.
 */
export function installMenu(window: BrowserWindow, locale: string, handlers: Handlers): void {
  const text = menuLabels[menuLanguage(locale)];
  const post = (command: MenuCommand) => {
    if (!window.isDestroyed()) window.webContents.send(menuChannel, command);
  };
  const send = (command: MenuCommand) => () => post(command);
  // The document is read and imported here, in the main process; the page opens the result.
  const importDocument = async () => {
    const chosen = await dialog.showOpenDialog(window, {
      properties: ['openFile'],
      filters: [{ name: 'Documents', extensions: ['docx', 'html', 'htm', 'txt'] }],
    });
    const file = chosen.canceled ? undefined : chosen.filePaths[0];
    if (!file) return;
    try {
      const bytes = await readFile(file);
      if (bytes.length > maxImportBytes)
        throw new Error(`${basename(file)} is larger than ${maxImportBytes / 1024 / 1024} MB.`);
      const result = await dispatch(handlers, 'articles.import', {
        fileName: basename(file),
        dataBase64: bytes.toString('base64'),
      });
      if (!result.ok) throw new Error(result.error.message);
      post({ command: 'open-article', id: (result.value as { id: number }).id });
    } catch (error) {
      dialog.showErrorBox(text['import-document'], error instanceof Error ? error.message : String(error));
    }
  };
  const template = menuTemplate(process.platform, locale, {
    newArticle: send({ command: 'new-article' }),
    importDocument: () => void importDocument(),
    importPhotos: send({ command: 'import-photos' }),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
