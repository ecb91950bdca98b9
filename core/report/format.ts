/** Scores keep two decimals so that a change of one indicator is visible; targets are whole levels or domain means. */
export function fmtScore(value: number | null): string | null {
  return value === null ? null : value.toFixed(2);
}

export function fmtTarget(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Factors and priorities: up to two decimals, without trailing zeros ("3", "0.5", "1.33"). */
export function fmtFactor(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** An ISO date ("2026-03-04") in the reader's language; read as UTC so that no time zone shifts the day. */
export function fmtDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function fmtDateTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(date);
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
