import type { RadarChart, ReportDocument } from './document';
import { flat } from './document';
import { radarSvg } from './radar-svg';

/** The document's radar as SVG: inline in HTML (scales with the page), or at a fixed width for rasterising. */
export function chartSvg(chart: RadarChart, document: Pick<ReportDocument, 'languages'>, width?: number): string {
  return radarSvg({
    title: flat(chart.title),
    description: flat(chart.description, ' | '),
    axes: chart.axes.map((axis) => axis.parts),
    lineLanguages: document.languages,
    series: chart.series.map((s) => ({ label: s.detail ? `${flat(s.label)}: ${s.detail}` : flat(s.label), values: s.values, style: s.style, color: s.color })),
    ...(width ? { width } : {}),
  });
}
