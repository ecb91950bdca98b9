import { describe, expect, it } from 'vitest';
import { countryOptions, matchCountries } from '../../../core/model/countries';
import type { Assessment } from '../../../core/model/assessment';
import type { Indicator } from '../../../core/model/framework';
import { matchesSearch } from '../../../core/review/filters';
import { foldForSearch, matchesNumber } from '../../../core/search/fold';

describe('foldForSearch', () => {
  it('reads katakana as hiragana, keeping voicing marks', () => {
    expect(foldForSearch('インシデント')).toBe('いんしでんと');
    expect(foldForSearch('いんしでんと')).toBe(foldForSearch('インシデント'));
    expect(foldForSearch('デ')).not.toBe(foldForSearch('テ'));
  });

  it('makes full- and half-width forms one', () => {
    expect(foldForSearch('ｲﾝｼﾃﾞﾝﾄ')).toBe('いんしでんと');
    expect(foldForSearch('２．３．１')).toBe('2.3.1');
    expect(foldForSearch('ＣＳＩＲＴ')).toBe('csirt');
  });

  it('ignores case, Latin accents and curly apostrophes', () => {
    expect(foldForSearch('Côte d’Ivoire')).toBe("cote d'ivoire");
    expect(foldForSearch('TÜRKIYE')).toBe('turkiye');
  });
});

describe('matchesNumber', () => {
  it('finds an indicator by its number and every indicator of a capability or domain', () => {
    expect(matchesNumber('2.3.1', '2.3.1')).toBe(true);
    expect(matchesNumber('2.3', '2.3.1')).toBe(true);
    expect(matchesNumber('2.3.', '2.3.4')).toBe(true);
    expect(matchesNumber('2', '2.3.1')).toBe(true);
  });

  it('does not match a longer number that only starts with the same digits', () => {
    expect(matchesNumber('2.3.1', '2.3.10')).toBe(false);
    expect(matchesNumber('2.3', '2.30.1')).toBe(false);
    expect(matchesNumber('csirt', '2.3.1')).toBe(false);
  });
});

describe('matchesSearch', () => {
  const indicator = { id: 'i1', question: { en: 'Does the CSIRT handle incidents?', ja: 'CSIRTはインシデントに対応しているか。' } } as unknown as Indicator;
  const assessment = { responses: {}, sessions: [] } as unknown as Assessment;

  it('finds the indicator by number, also typed in full width', () => {
    expect(matchesSearch('2.3.1', indicator, assessment, '2.3.1')).toBe(true);
    expect(matchesSearch('２．３．１', indicator, assessment, '2.3.1')).toBe(true);
    expect(matchesSearch('2.3.1', indicator, assessment, '2.3.2')).toBe(false);
  });

  it('finds Japanese text typed in hiragana or half-width katakana', () => {
    expect(matchesSearch('いんしでんと', indicator, assessment)).toBe(true);
    expect(matchesSearch('ｲﾝｼﾃﾞﾝﾄ', indicator, assessment)).toBe(true);
    expect(matchesSearch('ｃｓｉｒｔ', indicator, assessment)).toBe(true);
  });
});

describe('matchCountries', () => {
  const names = (query: string, language: string) => matchCountries(countryOptions(language), query).map((o) => o.code);

  it('finds UN and ISO names as well as the Intl name', () => {
    expect(names('Viet Nam', 'en')[0]).toBe('VN');
    expect(names('Viet Nam', 'ja')[0]).toBe('VN');
    expect(names('Vietnam', 'en')[0]).toBe('VN');
    expect(names('Republic of Korea', 'en')).toContain('KR');
    expect(names("Lao People's", 'en')).toEqual(['LA']);
    expect(names('Cote d’Ivoire', 'en')).toEqual(['CI']);
    expect(names('Russian Federation', 'ja')).toEqual(['RU']);
    expect(names('Syrian Arab', 'en')).toEqual(['SY']);
  });

  it('finds Japanese names in hiragana and the formal Japanese names', () => {
    expect(names('べとなむ', 'ja')).toEqual(['VN']);
    expect(names('大韓民国', 'ja')).toEqual(['KR']);
  });
});
