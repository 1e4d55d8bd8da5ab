import { app, BrowserWindow, dialog, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ArchiveOpenError } from '../core/CoreError';
import { ensureDataDir, resolveDataDir } from '../core/dataDir';
import { startArchive } from '../core/archiveService';
import { useNativeBinding } from '../core/archive/sqlite';
import { PhotoImporter } from '../core/photos/photoImporter';
import { renditionPath } from '../core/photos/photoStore';
import type { ArchiveService } from '../core/archiveService';
import { packageRoot, rendererDir } from '../core/paths';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { holdQuitForSaves } from './quit';
import { launchUtilityDecoder } from './utilityDecoder';
import { appOrigin } from './appUrl';
import { denyPermissions, lockDownAllContents } from './security';
import { secureWebPreferences } from './webPreferences';

const { values } = parseArgs({
  args: process.argv.slice(1),
  options: { 'data-dir': { type: 'string' } },
  strict: false,
  allowPositionals: true,
});
const dataDirFlag = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;

/**
 * In a checkout, better-sqlite3 in node_modules is built for Node (tests use it);
 * the Electron build lives apart in .native/ (scripts/native-electron.mjs). A packaged
 * app has electron-builder's own rebuild and needs no override.
 */
function electronNativeBinding(root: string): string | undefined {
  if (app.isPackaged) return undefined;
  const file = join(root, '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

function createWindow(core: ArchiveService, root: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Newsroom',
    webPreferences: secureWebPreferences(join(root, 'dist', 'electron', 'preload.cjs'), process.platform),
  });
  registerIpc(core.handlers, window);
  installMenu(window, app.getLocale(), core.handlers);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  lockDownAllContents();
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(async () => {
    denyPermissions();
    const root = packageRoot();
    const dataDir = ensureDataDir(resolveDataDir(dataDirFlag, process.env, app.getPath('userData')));
    handleAppProtocol(rendererDir(root), (id, kind) => renditionPath(dataDir, id, kind));
    let core: ArchiveService;
    try {
      // A damaged archive is moved aside and the window opens on the recovery screen.
      useNativeBinding(electronNativeBinding(root));
      core = await startArchive(dataDir, {
        recover: true,
        dailyBackup: true,
        backgroundSync: true,
        allowPathImport: true,
        core: {
          photoImporter: new PhotoImporter(undefined, launchUtilityDecoder),
          openFolder: async (dir) => {
            const failure = await shell.openPath(dir);
            if (failure) throw new Error(failure);
          },
        },
        log: (message) => console.error(message),
      });
    } catch (error) {
      const message = error instanceof ArchiveOpenError ? error.message : String(error);
      dialog.showErrorBox('Newsroom cannot open its archive', message);
      app.exit(1);
      return;
    }
    window = createWindow(core, root);
    holdQuitForSaves(window, core);
    app.on('window-all-closed', () => app.quit());
    // After the quit sequence closed it already (closing twice is harmless), or on a quit nothing held.
    app.on('will-quit', () => core.close());
  });
}

start();
