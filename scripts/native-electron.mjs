// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, apart from the
// Node build in node_modules that the tests use. The desktop shell passes it to better-sqlite3
// as `nativeBinding`. Packaged apps get electron-builder's own rebuild instead.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** @returns {string} the path of the Electron build of better_sqlite3.node */
export function ensureElectronSqlite(electronVersion, root = process.cwd()) {
  const target = join(root, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const require = createRequire(join(root, 'package.json'));
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const work = mkdtempSync(join(tmpdir(), 'newsroom-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });
    execFileSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// As a command (npm run native:electron): build it for the installed electron package.
if (process.argv[1] === import.meta.filename) {
  const version = createRequire(import.meta.url)('electron/package.json').version;
  console.log(ensureElectronSqlite(version, join(import.meta.dirname, '..')));
}
