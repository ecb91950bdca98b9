import { escapeHtml } from './escape';

export interface RadarSeries {
  label: string;
  /** One value per axis, 0–5; null draws at the centre and is marked "not scored" by the caller's text. */
  values: ReadonlyArray<number | null>;
  /** Stroke style: solid for scores, dashed for targets, so the chart reads in grayscale. */
  dashed: boolean;
  color: string;
}

const size = 420;
const centre = size / 2;
const radius = 140;

function point(axis: number, axes: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * axis) / axes;
  const r = (radius * value) / 5;
  return [centre + r * Math.cos(angle), centre + r * Math.sin(angle)];
}

const fmt = (n: number) => n.toFixed(1);

/**
 * A static radar chart as inline SVG for reports: no script, no external reference, with a title
 * and description so that screen readers and text extraction get the numbers too.
 */
export function radarSvg(options: { title: string; description: string; axes: readonly string[]; series: readonly RadarSeries[] }): string {
  const { axes, series } = options;
  const n = axes.length;
  const rings = [1, 2, 3, 4, 5]
    .map((level) => {
      const pts = axes.map((_, i) => point(i, n, level).map(fmt).join(',')).join(' ');
      return `<polygon points="${pts}" fill="none" stroke="#bbb" stroke-width="1"/><text x="${fmt(centre + 3)}" y="${fmt(centre - (radius * level) / 5 - 2)}" font-size="10" fill="#666">${level}</text>`;
    })
    .join('');
  const spokes = axes
    .map((label, i) => {
      const [x, y] = point(i, n, 5);
      const [lx, ly] = point(i, n, 5.9);
      const anchor = Math.abs(lx - centre) < 10 ? 'middle' : lx > centre ? 'start' : 'end';
      return `<line x1="${centre}" y1="${centre}" x2="${fmt(x)}" y2="${fmt(y)}" stroke="#bbb" stroke-width="1"/><text x="${fmt(lx)}" y="${fmt(ly)}" font-size="12" text-anchor="${anchor}" dominant-baseline="middle" fill="#222">${escapeHtml(label)}</text>`;
    })
    .join('');
  const shapes = series
    .map((s) => {
      const pts = s.values.map((v, i) => point(i, n, v ?? 0).map(fmt).join(',')).join(' ');
      const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
      const fill = s.dashed ? 'none' : s.color;
      return `<polygon points="${pts}" fill="${fill}" fill-opacity="0.25" stroke="${s.color}" stroke-width="2.5"${dash}/>`;
    })
    .join('');
  const legend = series
    .map((s, i) => {
      const y = size - 14 - (series.length - 1 - i) * 18;
      const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
      return `<line x1="16" y1="${y}" x2="44" y2="${y}" stroke="${s.color}" stroke-width="2.5"${dash}/><text x="50" y="${y}" font-size="12" dominant-baseline="middle" fill="#222">${escapeHtml(s.label)}</text>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-60 0 ${size + 120} ${size}" width="100%" role="img" aria-labelledby="radar-title radar-desc" class="radar">` +
    `<title id="radar-title">${escapeHtml(options.title)}</title><desc id="radar-desc">${escapeHtml(options.description)}</desc>` +
    rings +
    spokes +
    shapes +
    legend +
    `</svg>`
  );
}
