import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { licencesPlugin } from '../electron/licences';

// Node runs this file at build time; the app itself never reaches Node.
const root = import.meta.dirname;

/**
 * The @fontsource stylesheets offer each face as WOFF2 and, for old browsers, WOFF. Chromium
 * (Electron, serve's browser) always takes WOFF2, so the WOFF copies would only make the
 * installer megabytes larger: they are left out of the stylesheets and so out of the build.
 */
function woff2Only(): Plugin {
  return {
    name: 'ccat-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/].*\.css$/.test(id)) return undefined;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  root,
  base: './',
  // The third-party licence texts are written beside index.html (Help → About CCAT and third-party licences).
  plugins: [woff2Only(), react(), licencesPlugin(`${root}/..`)],
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
