import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Node runs this file at build time; the app itself never reaches Node.
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    // The installer ships no source maps (electron-builder.yml excludes them as well).
    sourcemap: false,
    // No inline scripts and no external fetches: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
