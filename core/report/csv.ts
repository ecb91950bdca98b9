import { neutraliseCsvText } from './neutralise';

export type CsvValue = string | number | boolean | null;

/** Excel opens a UTF-8 CSV correctly only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

function field(value: CsvValue): string {
  if (value === null) return '';
  // Quoted whatever it holds: a reader splitting on commas keeps the text's own separators inside.
  if (typeof value === 'string') return `"${neutraliseCsvText(value).replace(/"/g, '""')}"`;
  return String(value);
}

/** RFC 4180: comma-separated, CRLF line ends, every text field quoted, numbers and booleans bare. */
export function toCsv(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Reads RFC 4180 text back into records, to verify an export; a leading BOM is ignored. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else value += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(value);
      value = '';
    } else if (ch === '\r' && source[i + 1] === '\n') {
      record.push(value);
      records.push(record);
      record = [];
      value = '';
      i++;
    } else value += ch;
    i++;
  }
  if (quoted) throw new Error('a quoted field is not closed');
  if (value !== '' || record.length > 0) {
    record.push(value);
    records.push(record);
  }
  return records;
}
