import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menuTemplate';

const fileMenu = (template: MenuItemConstructorOptions[]) => {
  const file = template.find(
    (item) => Array.isArray(item.submenu) && item.submenu.some((entry) => entry.accelerator === 'CmdOrCtrl+N'),
  );
  return (file?.submenu ?? []) as MenuItemConstructorOptions[];
};

describe('the application menu', () => {
  it('has the File commands with their shortcuts, in the system language', () => {
    const calls: string[] = [];
    const actions = {
      newArticle: () => calls.push('new'),
      importDocument: () => calls.push('document'),
      importPhotos: () => calls.push('photos'),
    };
    const vi = menuTemplate('linux', 'vi-VN', actions);
    expect(vi.map((item) => item.label ?? item.role)).toEqual(['Tệp', 'Sửa', 'Xem', 'Cửa sổ']);
    const entries = fileMenu(vi);
    expect(entries.map((entry) => [entry.label ?? entry.role ?? entry.type, entry.accelerator ?? ''])).toEqual([
      ['Bài mới', 'CmdOrCtrl+N'],
      ['Nhập văn bản…', 'CmdOrCtrl+O'],
      ['Nhập ảnh…', 'CmdOrCtrl+Shift+O'],
      ['separator', ''],
      ['quit', ''],
    ]);
    for (const entry of entries) (entry.click as (() => void) | undefined)?.();
    expect(calls).toEqual(['new', 'document', 'photos']);
    expect(menuTemplate('win32', 'en-US', actions)[0]?.label).toBe('File');
  });

  it('follows macOS: an app menu first, and Close instead of Quit in File', () => {
    const template = menuTemplate('darwin', 'en-GB', {
      newArticle: () => undefined,
      importDocument: () => undefined,
      importPhotos: () => undefined,
    });
    expect(template[0]?.role).toBe('appMenu');
    expect(fileMenu(template).at(-1)?.role).toBe('close');
  });
});
