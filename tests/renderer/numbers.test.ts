import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { fixed, fixedOr } from '../../renderer/numbers';

describe('figures on screen', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('are written as the UI language writes them, like the reports', async () => {
    await i18next.init({ lng: 'en', resources: {} });
    expect([fixed(2.5, 2), fixed(3, 1), fixed(-0.5, 2, true), fixed(0.25, 2, true), fixed(0, 2, true)]).toEqual(['2.50', '3.0', '-0.50', '+0.25', '0.00']);
    await i18next.changeLanguage('fr');
    expect([fixed(2.5, 2), fixed(3, 1)]).toEqual(['2,50', '3,0']);
    await i18next.changeLanguage('vi');
    expect(fixed(1.67, 2)).toBe('1,67');
    // Arabic keeps Western digits, as the locale's default numbering system says (and as the reports print).
    await i18next.changeLanguage('ar');
    expect(fixed(2.5, 2)).toBe('2.50');
  });

  it('stand in for a missing figure with a dash, or with the text a screen gives', async () => {
    await i18next.init({ lng: 'fr', resources: {} });
    expect([fixedOr(null, 2), fixedOr(undefined, 1), fixedOr(1.5, 1), fixedOr(null, 2, 'non noté'), fixedOr(0, 2, 'non noté')]).toEqual(['–', '–', '1,5', 'non noté', '0,00']);
  });
});
