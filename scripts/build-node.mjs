// Bundles the Node-side entry points (CLI, Electron main, preload) with esbuild.
// The renderer is built by Vite (renderer/vite.config.ts); types are checked by `tsc -b`.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

// import.meta.url has no meaning in CommonJS; give it the bundle's own file URL.
const importMetaUrl = 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;';

const entries = [
  { name: 'cli', source: 'electron/cli/main.ts', banner: `#!/usr/bin/env node\n${importMetaUrl}` },
  { name: 'main', source: 'electron/desktop/main.ts', banner: importMetaUrl },
  // The photo decoder's child process (sharp stays an external native module).
  { name: 'photoWorker', source: 'electron/core/photos/photoWorker.ts', banner: importMetaUrl },
  // A sandboxed preload may require only 'electron' and a few Node built-ins: bundle the rest in.
  { name: 'preload', source: 'electron/desktop/preload.ts', platform: 'browser' },
];

await Promise.all(
  entries.map((entry) =>
    build({
      entryPoints: { [entry.name]: entry.source },
      outdir: 'dist/electron',
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: entry.platform ?? 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'linked',
      logLevel: 'warning',
      // PGlite loads its WebAssembly and data files from beside its own module.
      external: ['better-sqlite3', 'electron', 'sharp', 'pg-native', '@electric-sql/pglite'],
      ...(entry.banner ? { banner: { js: entry.banner }, define: { 'import.meta.url': 'importMetaUrl' } } : {}),
    }),
  ),
);
chmodSync('dist/electron/cli.cjs', 0o755);
