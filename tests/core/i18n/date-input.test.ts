import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput } from '../../../core/i18n/date-input';

describe('date fields in the UI language', () => {
  it('show a date as the UI language writes it, whatever the browser locale', () => {
    expect(formatDateInput('2026-03-03', 'ja')).toBe('2026/03/03');
    expect(formatDateInput('2026-03-03', 'en')).toBe('Mar 3, 2026');
    expect(formatDateInput('', 'en')).toBe('');
  });

  it('read back what they show, in both languages', () => {
    for (const language of ['en', 'ja']) {
      for (const iso of ['2026-03-03', '2025-12-31', '2024-02-29']) expect(parseDateInput(formatDateInput(iso, language))).toBe(iso);
    }
  });

  it('read year-first numbers in any width and Japanese dates', () => {
    expect(parseDateInput('2026-3-3')).toBe('2026-03-03');
    expect(parseDateInput('2026/03/03')).toBe('2026-03-03');
    expect(parseDateInput('２０２６／０３／０３')).toBe('2026-03-03');
    expect(parseDateInput('2026年3月3日')).toBe('2026-03-03');
    expect(parseDateInput('2026年3月3日(火)')).toBe('2026-03-03');
  });

  it('read English month names either way round', () => {
    expect(parseDateInput('3 March 2026')).toBe('2026-03-03');
    expect(parseDateInput('March 3, 2026')).toBe('2026-03-03');
    expect(parseDateInput('3 mar. 2026')).toBe('2026-03-03');
    expect(parseDateInput('2026 Mar 3')).toBe('2026-03-03');
  });

  it('refuse what is not a date or could be two dates', () => {
    expect(parseDateInput('')).toBe('');
    expect(parseDateInput('  ')).toBe('');
    expect(parseDateInput('03/04/2026')).toBeUndefined();
    expect(parseDateInput('2026-02-30')).toBeUndefined();
    expect(parseDateInput('2026-13-01')).toBeUndefined();
    expect(parseDateInput('Foo 3, 2026')).toBeUndefined();
    expect(parseDateInput('next week')).toBeUndefined();
    expect(parseDateInput('3 March 26')).toBeUndefined();
  });
});
