import { spawn } from 'node:child_process';

/** The system's launcher for files, folders and addresses. */
const systemOpener =
  process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';

/** Starts `command target`, detached; resolves once it has started, rejects when it cannot be. */
function launch(command: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [target], { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** Opens the editor's address in the default browser, when the machine has a launcher. */
export function openBrowser(url: string): void {
  void launch(systemOpener, url).catch(() => undefined);
}

/**
 * Shows a folder in the file manager: NEWSROOM_FILE_MANAGER when set (a command taking the
 * folder as its one argument), else the system's launcher.
 */
export async function openFolder(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const command = env.NEWSROOM_FILE_MANAGER || systemOpener;
  try {
    await launch(command, dir);
  } catch (error) {
    throw new Error(
      `Cannot start ${command} to show the folder (${(error as NodeJS.ErrnoException).code ?? String(error)}); the folder is ${dir}.`,
    );
  }
}
