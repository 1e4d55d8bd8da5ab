// Finds the Electron runtime without triggering the electron package's on-demand download
// (require('electron') would try the network, which offline machines and CI do not have).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ ok: true, path: string, version: string } | { ok: false, reason: string }} */
export function electronRuntime() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const pathFile = join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return {
      ok: false,
      reason: `the Electron ${version} binary was never downloaded (this machine cannot reach its download server)`,
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const path = override ? join(override, relative) : join(packageDir, 'dist', relative);
  if (!existsSync(path)) return { ok: false, reason: `the Electron binary ${path} is missing` };
  return { ok: true, path, version };
}
