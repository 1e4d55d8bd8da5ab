import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or styles: the CSP (default-src 'self') refuses them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // A local app loads its bundle from disk or loopback, not over a network.
    chunkSizeWarningLimit: 2000,
  },
});
