import type { MenuItemConstructorOptions } from 'electron';

export type MenuLabel = 'file' | 'edit' | 'view' | 'window' | 'new-article' | 'import-document' | 'import-photos';

export const menuLabels: Record<'vi' | 'en', Record<MenuLabel, string>> = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    'new-article': 'New article',
    'import-document': 'Import document…',
    'import-photos': 'Import photos…',
  },
  vi: {
    file: 'Tệp',
    edit: 'Sửa',
    view: 'Xem',
    window: 'Cửa sổ',
    'new-article': 'Bài mới',
    'import-document': 'Nhập văn bản…',
    'import-photos': 'Nhập ảnh…',
  },
};

export const menuLanguage = (locale: string): 'vi' | 'en' => (locale.toLowerCase().startsWith('vi') ? 'vi' : 'en');

export interface MenuActions {
  newArticle: () => void;
  importDocument: () => void;
  importPhotos: () => void;
}

/**
 * The application menu as data: File › New article, Import document…, Import photos…, quit
 * (close on macOS), and the platform's standard Edit, View and Window menus.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  locale: string,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const text = menuLabels[menuLanguage(locale)];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: text.file,
      submenu: [
        { label: text['new-article'], accelerator: 'CmdOrCtrl+N', click: () => actions.newArticle() },
        { label: text['import-document'], accelerator: 'CmdOrCtrl+O', click: () => actions.importDocument() },
        { label: text['import-photos'], accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importPhotos() },
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: text.edit, role: 'editMenu' },
    {
      label: text.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: text.window, role: 'windowMenu' },
  ];
}
