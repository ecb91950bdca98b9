import i18next from 'i18next';

/**
 * A figure as the UI language writes it (a decimal comma in French, Vietnamese and Indonesian),
 * through Intl as the reports do, so a screen and its report agree. Read at render time: a
 * language change re-renders every translated screen, and with it its figures.
 */
export function fixed(value: number, digits: number, signed = false): string {
  return new Intl.NumberFormat(i18next.language, { minimumFractionDigits: digits, maximumFractionDigits: digits, ...(signed ? { signDisplay: 'exceptZero' as const } : {}) }).format(value);
}
