import type { Rating } from '../core/model/assessment';
import type { Framework } from '../core/model/framework';
import { pickText } from '../core/model/pick-text';

export function formatBytes(bytes: number, language: string): string {
  const units = [
    ['byte', 1],
    ['kilobyte', 1024],
    ['megabyte', 1024 * 1024],
  ] as const;
  const [unit, size] = bytes >= units[2][1] ? units[2] : bytes >= units[1][1] ? units[1] : units[0];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 }).format(bytes / size);
}

export function formatDate(isoDate: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00`) : new Date(isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "3 — Established", in the framework's words. */
export function levelLabel(framework: Framework, level: number, language: string): string {
  const found = framework.levels.find((l) => l.level === level);
  return found ? `${level} — ${pickText(found.name, language)}` : String(level);
}

export function isRating(value: unknown): value is Rating {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const kind = (value as { kind: unknown }).kind;
  return kind === 'level' || kind === 'notApplicable' || kind === 'unknown';
}

/** Today in the local calendar, as an ISO date. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
