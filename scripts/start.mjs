// npm start: the desktop app where the Electron runtime is present, otherwise the browser edition.
import { spawn } from 'node:child_process';
import { electronRuntime } from './electron-runtime.mjs';
import { ensureElectronSqlite } from './native-electron.mjs';

const args = process.argv.slice(2);

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function browserEdition(reason) {
  console.log(`Starting the browser edition: ${reason}.`);
  run(process.execPath, ['dist/electron/cli.cjs', 'serve', ...args]);
}

const runtime = electronRuntime();
if (!runtime.ok) {
  browserEdition(`the desktop app cannot start because ${runtime.reason}`);
} else {
  let nativeReady = true;
  try {
    ensureElectronSqlite(runtime.version);
  } catch (error) {
    nativeReady = false;
    browserEdition(
      `better-sqlite3 could not be built for Electron ${runtime.version} (${String(error.message).split('\n')[0]})`,
    );
  }
  if (nativeReady) run(runtime.path, ['.', ...args]);
}
