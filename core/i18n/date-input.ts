import { foldForSearch } from '../search/fold';

/**
 * A date as the UI language writes it (Intl's medium style: "Mar 3, 2026", "2026/03/03"), the
 * same as the rest of the UI shows dates. `iso` is a plain calendar date, never shifted by a time zone.
 */
export function formatDateInput(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

const englishMonths = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a typed date: "" for an empty field, the ISO date, or undefined when it is not a date.
 * Takes year-first numbers in any width ("2026-03-03", "2026/3/3", "２０２６年３月３日") and
 * English month names either way round ("Mar 3, 2026", "3 March 2026"). Day-first or
 * month-first numbers ("03/04/2026") are refused: they mean different days in different countries.
 */
export function parseDateInput(text: string): string | undefined {
  const folded = foldForSearch(text).trim();
  if (folded === '') return '';
  const numeric = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s*\(.\))?$/.exec(folded);
  if (numeric) return isoOf(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const words = folded.replace(/[,.]/g, ' ').split(/\s+/).filter((w) => w !== '');
  if (words.length !== 3) return undefined;
  const monthAt = words.findIndex((w) => /^[a-z]{3,}$/.test(w));
  const month = monthAt < 0 ? -1 : englishMonths.findIndex((m) => words[monthAt]!.startsWith(m));
  const numbers = words.filter((_, i) => i !== monthAt);
  if (month < 0 || monthAt === 2 || !numbers.every((n) => /^\d+$/.test(n))) return undefined;
  const [day, year] = numbers[0]!.length === 4 ? [numbers[1]!, numbers[0]!] : [numbers[0]!, numbers[1]!];
  return year.length === 4 ? isoOf(Number(year), month + 1, Number(day)) : undefined;
}
