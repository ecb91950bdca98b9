/**
 * A figure as `language` writes it, through Intl: a decimal comma in French, Vietnamese and
 * Indonesian; Western digits in plain "ar", CLDR's default numbering there in Node 20 and in
 * Chromium alike. Screens and reports both write figures through this, so they agree.
 */
export function formatDecimal(value: number, language: string, digits: { min: number; max: number }, signed = false): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: digits.min, maximumFractionDigits: digits.max, ...(signed ? { signDisplay: 'exceptZero' as const } : {}) }).format(value);
}
