import { formatDecimal } from '../i18n/numbers';

// Figures are written as the report language writes them (core/i18n/numbers.ts); a spreadsheet's cells stay numbers and its own locale shows them.

/** Scores keep two decimals so that a change of one indicator is visible; targets are whole levels or domain means. */
export function fmtScore(value: number | null, language: string): string | null {
  return value === null ? null : formatDecimal(value, language, { min: 2, max: 2 });
}

/** A difference, "+0.50" or "-1.25" for scores, "+2" for levels. */
export function fmtSigned(value: number, language: string, decimals = 2): string {
  return formatDecimal(value, language, { min: decimals, max: decimals }, true);
}

export function fmtTarget(value: number, language: string): string {
  return Number.isInteger(value) ? fmtCount(value, language) : formatDecimal(value, language, { min: 1, max: 1 });
}

/** Factors and priorities: up to two decimals, without trailing zeros ("3", "0.5", "1.33"). */
export function fmtFactor(value: number, language: string): string {
  return formatDecimal(value, language, { min: 0, max: 2 });
}

/** Ranks, counts and levels. */
export function fmtCount(value: number, language: string): string {
  return formatDecimal(value, language, { min: 0, max: 0 });
}

/** An ISO date ("2026-03-04") in the reader's language; read as UTC so that no time zone shifts the day. */
export function fmtDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * A moment in the report's time zone, with the zone named twice over: its offset as the language
 * writes it and its IANA name, because "GMT+7" alone does not say which country's clock it is.
 */
export function fmtDateTime(date: Date, language: string, timeZone: string): string {
  const local = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date);
  return `${local} (${timeZone})`;
}

/**
 * A moment as the wall-clock time in a zone, carried in a Date's UTC fields: spreadsheets store
 * date-times without a zone and show those fields, so the cell reads as the local time.
 */
export function wallClock(date: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(date);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return new Date(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'), date.getUTCMilliseconds()));
}

/** The calendar day of a moment in a time zone, "2026-03-04": file names use the day the reader lived, not UTC's. */
export function isoDayIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

function zonesOf(country: string): readonly string[] {
  try {
    // V8 has shipped this as a getter (Node 20) and as a method (newer Chromium): Intl Locale Info.
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The time zone a report's dates and times are given in: the one asked for, else the country's
 * own when it has only one (Viet Nam, Ghana, Japan), else the computer's.
 */
export function reportTimeZone(country: string, requested?: string): string {
  if (requested !== undefined && isTimeZone(requested)) return requested;
  const zones = zonesOf(country);
  if (zones.length === 1 && isTimeZone(zones[0]!)) return zones[0]!;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** File sizes as people read them: "820 B", "14 KB", "2.3 MB". */
export function fmtBytes(size: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}
