/**
 * The shipped OFL Noto fonts (@fontsource), loaded per language: each package's CSS declares its
 * faces with unicode ranges, and the browser fetches only the subsets a page draws. A language's
 * faces are declared only once that language is shown, so the first screen pays for none of them.
 * Every file comes from the app itself (the CSP allows fonts from 'self' only).
 */
const latin = () => Promise.all([import('@fontsource/noto-sans/400.css'), import('@fontsource/noto-sans/700.css')]);

const scriptFonts: Record<string, () => Promise<unknown>> = {
  ja: () => Promise.all([import('@fontsource/noto-sans-jp/400.css'), import('@fontsource/noto-sans-jp/700.css')]),
  th: () => Promise.all([import('@fontsource/noto-sans-thai/400.css'), import('@fontsource/noto-sans-thai/700.css')]),
  km: () => Promise.all([import('@fontsource/noto-sans-khmer/400.css'), import('@fontsource/noto-sans-khmer/700.css')]),
  ar: () => Promise.all([import('@fontsource/noto-sans-arabic/400.css'), import('@fontsource/noto-sans-arabic/700.css')]),
};

const loaded = new Map<string, Promise<unknown>>();

function once(key: string, load: () => Promise<unknown>): Promise<unknown> {
  let promise = loaded.get(key);
  if (!promise) {
    // A font that fails to load leaves the system font in place; the text still shows.
    promise = load().catch(() => undefined);
    loaded.set(key, promise);
  }
  return promise;
}

/** Declares the fonts that `language` (a UI or content language code) is drawn with. */
export function loadFonts(language: string): Promise<unknown> {
  const base = language.split('-')[0]!;
  const script = scriptFonts[base];
  return Promise.all([once('latin', latin), script ? once(base, script) : undefined]);
}
