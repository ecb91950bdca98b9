import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { licencesPlugin } from '../electron/licences';

// Node runs this file at build time; the app itself never reaches Node.
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  // The third-party licence texts are written beside index.html (Help → About CCAT and third-party licences).
  plugins: [react(), licencesPlugin(`${root}/..`)],
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
