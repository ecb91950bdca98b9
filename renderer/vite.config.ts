import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';
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

/** The modules `entry` imports statically, directly or not: what runs before it can. */
function staticGraph(entry: string, info: Rollup.GetModuleInfo): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const next of info(id)?.importedIds ?? []) visit(next);
  };
  visit(entry);
  return seen;
}

let graphs: { boot: Set<string>; mount: Set<string> } | undefined;

/**
 * The boot script imports the app (mount) only once it has asked for the assessment; the page
 * names mount's code and styles up front so that the browser fetches and compiles them meanwhile.
 */
function preloadMount(): Plugin {
  return {
    name: 'ccat-preload-mount',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const mount = Object.values(bundle ?? {}).find((file) => file.type === 'chunk' && file.name === 'mount');
        if (mount?.type !== 'chunk') return [];
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${mount.fileName}` }, injectTo: 'head' },
          ...[...(mount.viteMetadata?.importedCss ?? [])].map((css) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${css}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

export default defineConfig({
  root,
  base: './',
  // The third-party licence texts are written beside index.html (Help → About CCAT and third-party licences).
  plugins: [woff2Only(), react(), licencesPlugin(`${root}/..`), preloadMount()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    // The installer ships no source maps (electron-builder.yml excludes them as well).
    sourcemap: false,
    // No inline scripts and no external fetches: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // The code an assessment opens with is one chunk, fetched in one request; the views that load
        // on demand take what they share with it from there rather than from a dozen small chunks.
        manualChunks(id, { getModuleInfo }) {
          graphs ??= { boot: staticGraph(`${root}/main.tsx`, getModuleInfo), mount: staticGraph(`${root}/mount.tsx`, getModuleInfo) };
          if (graphs.boot.has(id)) return id === `${root}/main.tsx` ? undefined : 'boot';
          return graphs.mount.has(id) ? 'mount' : undefined;
        },
      },
    },
  },
});
