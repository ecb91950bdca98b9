import i18next from 'i18next';
import { formatDecimal } from '../core/i18n/numbers';

/**
 * A figure in the UI language, written as the reports write it. Read at render time: a language
 * change re-renders every translated screen, and with it its figures.
 */
export function fixed(value: number, digits: number, signed = false): string {
  return formatDecimal(value, i18next.language, { min: digits, max: digits }, signed);
}

/** A figure, or `missing` (a dash unless said otherwise) where there is none. */
export function fixedOr(value: number | null | undefined, digits: number, missing = '–'): string {
  return value === null || value === undefined ? missing : fixed(value, digits);
}
