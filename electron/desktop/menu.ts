import { dialog, Menu } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { menuChannel } from '../../shared/api/methodNames';
import type { MenuCommand } from '../../shared/api/methodNames';
import type { Handlers } from '../core/createCore';
import { dispatch } from '../core/dispatch';
import { maxImportBytes } from '../core/import/importDocument';

type Label = 'file' | 'edit' | 'view' | 'window' | 'new-article' | 'import-document' | 'import-photos';

const labels: Record<'vi' | 'en', Record<Label, string>> = {
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', 'new-article': 'New article', 'import-document': 'Import document…', 'import-photos': 'Import photos…' },
  vi: { file: 'Tệp', edit: 'Sửa', view: 'Xem', window: 'Cửa sổ', 'new-article': 'Bài mới', 'import-document': 'Nhập văn bản…', 'import-photos': 'Nhập ảnh…' },
};

/**
 * The application menu: File › New article, Import document…, Import photos…, and the
 * platform's standard Edit, View and Window menus. A command goes to the page, which runs it
 * as its own buttons do.
 */
export function installMenu(window: BrowserWindow, locale: string, handlers: Handlers): void {
  const text = labels[locale.toLowerCase().startsWith('vi') ? 'vi' : 'en'];
  const post = (command: MenuCommand) => {
    if (!window.isDestroyed()) window.webContents.send(menuChannel, command);
  };
  const send = (command: MenuCommand) => () => post(command);
  // The document is read and imported here, in the main process; the page opens the result.
  const importDocument = async () => {
    const chosen = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: [{ name: 'Documents', extensions: ['docx', 'html', 'htm', 'txt'] }] });
    const file = chosen.canceled ? undefined : chosen.filePaths[0];
    if (!file) return;
    try {
      const bytes = await readFile(file);
      if (bytes.length > maxImportBytes) throw new Error(`${basename(file)} is larger than ${maxImportBytes / 1024 / 1024} MB.`);
      const result = await dispatch(handlers, 'articles.import', { fileName: basename(file), dataBase64: bytes.toString('base64') });
      if (!result.ok) throw new Error(result.error.message);
      post({ command: 'open-article', id: (result.value as { id: number }).id });
    } catch (error) {
      dialog.showErrorBox(text['import-document'], error instanceof Error ? error.message : String(error));
    }
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: text.file,
      submenu: [
        { label: text['new-article'], accelerator: 'CmdOrCtrl+N', click: send({ command: 'new-article' }) },
        { label: text['import-document'], accelerator: 'CmdOrCtrl+O', click: () => void importDocument() },
        { label: text['import-photos'], accelerator: 'CmdOrCtrl+Shift+O', click: send({ command: 'import-photos' }) },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: text.edit, role: 'editMenu' },
    { label: text.view, submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: text.window, role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
