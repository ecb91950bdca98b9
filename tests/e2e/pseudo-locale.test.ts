import { describe, expect, it } from 'vitest';
import { PSEUDO_LANGUAGE } from '../../core/i18n/pseudo';
import { openPage, shot } from './app';
import { newDataDir, startServe } from './harness';
import { clippedTexts, contentTexts, languageScreens, untranslatedTexts, type DataTexts } from './languages';
import { useE2e } from './lifecycle';
import { assessor, seed } from './seed';

const e2e = useE2e();

/** What the seed typed in, what Intl formats and the framework's content: data, which the pseudo-locale leaves as it is. */
const data: DataTexts = {
  phrases: [
    'Kenya national assessment 2023', 'Kenya follow-up assessment 2025', assessor, 'Kwame Mensah', 'Team leader', 'Assessor',
    'KE-CIRT technical team', 'Ministries roundtable', 'KE-CIRT/CC', 'Walk-through of the incident tracker.', 'Strategy 2022–2027 adopted; action plan costed.',
    'Gazette notice seen; action plan costed.', 'Assessed under the ministry scope.', 'gazette-notice-2022.pdf',
    ...contentTexts(),
  ],
  // Intl formats dates, sizes, lists ("and"), country and language names in en-XA as in English; the setup stores language codes.
  words: [
    'Kenya', 'KE', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'AM', 'PM', 'bytes', 'MB', 'kB', 'and',
    ...['en', 'ja', 'fr', 'es', 'pt', 'ar', 'ru', 'zh', 'vi', 'id', 'th', 'km', 'lo', 'my', 'mn', 'ms', 'tl', 'sw', 'uk'].flatMap((code) => [new Intl.DisplayNames(['en'], { type: 'language' }).of(code)!, code]),
  ],
  // An installation's fingerprint is hexadecimal.
  selector: '.fingerprint',
};

describe('the pseudo-locale (en-XA, reached through the stored choice as in a production build)', () => {
  it('leaves no hard-coded English and clips no 40 % longer string on the main screens', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve, { uiLanguage: PSEUDO_LANGUAGE, width: 1366, height: 680 });
    await page.waitForFunction(() => document.documentElement.lang === 'en-XA');
    const seeded = await seed(page);
    const untranslated: Record<string, string[]> = {};
    const clipped: Record<string, string[]> = {};
    for (const screen of languageScreens(PSEUDO_LANGUAGE, seeded)) {
      await screen.open(page);
      const plain = await untranslatedTexts(page, data);
      if (plain.length > 0) untranslated[screen.name] = plain;
      const cut = await clippedTexts(page);
      if (cut.length > 0) clipped[screen.name] = cut;
      if (['rating', 'results', 'rating-bilingual', 'export-dialog', 'settings'].includes(screen.name)) await shot(page, `pseudo-${screen.name}`, screen.name !== 'export-dialog');
      await screen.close?.(page);
    }
    expect({ untranslated, clipped }).toEqual({ untranslated: {}, clipped: {} });
    await context.close();
  });
});
