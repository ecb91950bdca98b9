import { escapeHtml } from './escape';
import { fontStack } from './fonts';

export interface RadarSeries {
  label: string;
  /** One value per axis, 0–5; null draws at the centre and is marked "not scored" by the caller's text. */
  values: ReadonlyArray<number | null>;
  /** Solid for scores, dashed for targets, dotted for a baseline, so that the chart reads in grayscale. */
  style: 'solid' | 'dashed' | 'dotted';
  color: string;
}

export interface RadarOptions {
  title: string;
  description: string;
  /** Each axis label as lines, one per report language. */
  axes: ReadonlyArray<readonly string[]>;
  /** The language of each label line, so that Japanese lines get Japanese glyphs. */
  lineLanguages?: readonly string[];
  series: readonly RadarSeries[];
  /** Fixed pixel width for rasterising; without it the chart scales to its container. */
  width?: number;
}

const centre = { x: 250, y: 225 };
const radius = 165;
// Room around the plot for domain names on both sides (two lines in a bilingual report), and for the legend below.
const view = { x: -110, y: 0, width: 720, plotHeight: 440 };
// The report's own font list (CCAT's fonts in a printed report), in single quotes for the attribute.
// The chart is laid out left to right (direction="ltr") even inside a right-to-left report: its
// geometry and text anchors are placed for that, and each label still reads in its own direction.
const fontFamily = fontStack('neutral').replaceAll('"', "'");

function point(axis: number, axes: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * axis) / axes;
  const r = (radius * value) / 5;
  return [centre.x + r * Math.cos(angle), centre.y + r * Math.sin(angle)];
}

const fmt = (n: number) => n.toFixed(1);

const dashes: Record<RadarSeries['style'], string> = {
  solid: '',
  dashed: ' stroke-dasharray="7 4"',
  dotted: ' stroke-dasharray="0.5 5" stroke-linecap="round"',
};

function lines(x: number, y: number, texts: readonly string[], languages: readonly string[] | undefined, attributes: string): string {
  const first = -((texts.length - 1) * 1.2) / 2;
  const spans = texts
    .map((text, i) => {
      const lang = languages?.[i] ? ` lang="${escapeHtml(languages[i]!)}"` : '';
      return `<tspan x="${fmt(x)}" dy="${i === 0 ? first.toFixed(2) : '1.2'}em"${lang}>${escapeHtml(text)}</tspan>`;
    })
    .join('');
  return `<text x="${fmt(x)}" y="${fmt(y)}" ${attributes}>${spans}</text>`;
}

/**
 * A static radar chart as inline SVG for reports: no script, no external reference, with a title
 * and description so that screen readers and text extraction get the numbers too.
 */
export function radarSvg(options: RadarOptions): string {
  const { axes, series } = options;
  const n = axes.length;
  const height = view.plotHeight + 24 * series.length + 10;
  const rings = [1, 2, 3, 4, 5]
    .map((level) => {
      const pts = axes.map((_, i) => point(i, n, level).map(fmt).join(',')).join(' ');
      return `<polygon points="${pts}" fill="none" stroke="#c8c8c8" stroke-width="1"/><text x="${fmt(centre.x + 4)}" y="${fmt(centre.y - (radius * level) / 5 - 3)}" font-size="13" fill="#555">${level}</text>`;
    })
    .join('');
  const spokes = axes
    .map((label, i) => {
      const [x, y] = point(i, n, 5);
      const [lx, ly] = point(i, n, 5.6);
      const anchor = Math.abs(lx - centre.x) < 10 ? 'middle' : lx > centre.x ? 'start' : 'end';
      // Labels at the top and bottom grow away from the plot rather than into it.
      const shift = anchor === 'middle' ? (ly < centre.y ? -10 * (label.length - 1) : 10 * (label.length - 1)) : 0;
      return (
        `<line x1="${centre.x}" y1="${centre.y}" x2="${fmt(x)}" y2="${fmt(y)}" stroke="#c8c8c8" stroke-width="1"/>` +
        lines(lx, ly + shift, label, options.lineLanguages, `font-size="16" text-anchor="${anchor}" dominant-baseline="middle" fill="#111"`)
      );
    })
    .join('');
  const shapes = series
    .map((s) => {
      const pts = s.values.map((v, i) => point(i, n, v ?? 0).map(fmt).join(',')).join(' ');
      const fill = s.style === 'solid' ? `fill="${s.color}" fill-opacity="0.22"` : 'fill="none"';
      const marks =
        s.style === 'solid'
          ? s.values.map((v, i) => (v === null ? '' : `<circle cx="${fmt(point(i, n, v)[0])}" cy="${fmt(point(i, n, v)[1])}" r="3.5" fill="${s.color}"/>`)).join('')
          : '';
      return `<polygon points="${pts}" ${fill} stroke="${s.color}" stroke-width="${s.style === 'dotted' ? 3.5 : 2.5}"${dashes[s.style]}/>${marks}`;
    })
    .join('');
  const legend = series
    .map((s, i) => {
      const y = view.plotHeight + 10 + i * 24;
      return (
        `<line x1="${view.x + 20}" y1="${y}" x2="${view.x + 60}" y2="${y}" stroke="${s.color}" stroke-width="${s.style === 'dotted' ? 3.5 : 2.5}"${dashes[s.style]}/>` +
        `<text x="${view.x + 68}" y="${y}" font-size="15" dominant-baseline="middle" fill="#111">${escapeHtml(s.label)}</text>`
      );
    })
    .join('');
  const size = options.width ? ` width="${options.width}" height="${Math.round((options.width * height) / view.width)}"` : ' width="100%"';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view.x} ${view.y} ${view.width} ${height}"${size} role="img" aria-labelledby="radar-title radar-desc" class="radar" direction="ltr" font-family="${fontFamily}">` +
    `<title id="radar-title">${escapeHtml(options.title)}</title><desc id="radar-desc">${escapeHtml(options.description)}</desc>` +
    `<rect x="${view.x}" y="${view.y}" width="${view.width}" height="${height}" fill="#fff"/>` +
    rings +
    spokes +
    shapes +
    legend +
    `</svg>`
  );
}
