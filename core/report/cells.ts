import type { Cell, Line, Txt } from './document';

/** Language-neutral text: figures, ids, codes. */
export function plain(text: string): Txt {
  return { parts: [text], neutral: true };
}

function isLine(value: Line | Txt): value is Line {
  return 'text' in value;
}

/** A cell of lines; null entries are skipped so callers can write optional lines inline. */
export function cell(...lines: ReadonlyArray<Line | Txt | null | undefined>): Cell {
  return { lines: lines.flatMap((l) => (l ? [isLine(l) ? l : { text: l }] : [])) };
}

export function muted(text: Txt): Line {
  return { text, tone: 'muted' };
}

export function strong(text: Txt): Line {
  return { text, tone: 'strong' };
}

/** A right-aligned figure, or the given words where there is none. */
export function figure(value: string | null, otherwise: Txt, ...more: ReadonlyArray<Line | null>): Cell {
  return { lines: [{ text: value === null ? otherwise : plain(value) }, ...more.flatMap((l) => (l ? [l] : []))], numeric: true };
}
