// Bundles the Node-side entry points (CLI, Electron main, preload) with esbuild.
// The renderer is built by Vite (renderer/vite.config.ts); types are checked by `tsc -b`.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // import.meta.url has no meaning in CommonJS; give it the bundle's own file URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'electron/cli/main.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['better-sqlite3', 'electron'],
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
  build({
    ...common,
    entryPoints: { main: 'electron/desktop/main.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['better-sqlite3', 'electron'],
  }),
  // A sandboxed preload may require only 'electron' and a few Node built-ins: bundle the rest in.
  build({
    ...common,
    entryPoints: { preload: 'electron/desktop/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    platform: 'browser',
    external: ['electron'],
    define: {},
    banner: {},
  }),
]);
chmodSync('dist/electron/cli.cjs', 0o755);
