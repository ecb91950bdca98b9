import type { UiLanguage } from '../../locales/resources';
import { createTranslator } from '../i18n/translator';
import type { Assessment, IndicatorResponse } from '../model/assessment';
import { countryName } from '../model/countries';
import type { Framework } from '../model/framework';
import { pickText } from '../model/pick-text';
import { domainLabel, indicatorNumber } from '../framework/summary';
import type { AssessmentScores, ScoreSummary } from '../scoring/scores';
import { escapeHtml } from './escape';
import { radarSvg } from './radar-svg';

export interface HtmlReportInput {
  framework: Framework;
  assessment: Assessment;
  scores: AssessmentScores;
  language: UiLanguage;
  appVersion: string;
  generatedAt: Date;
}

/** No script, no network: the page may only use its own inline styles and data: images. */
export const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const styles = `
body{font-family:"Noto Sans","Noto Sans CJK JP","Hiragino Sans","Yu Gothic",system-ui,sans-serif;color:#1a1a1a;max-width:960px;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:2px solid #1f4e79;padding-bottom:.2rem;margin-top:2rem}h3{margin-top:1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f7}.meta td:first-child{width:12rem;font-weight:bold}.num{text-align:right;white-space:nowrap}
.notes{white-space:pre-wrap;overflow-wrap:anywhere}.muted{color:#555}.flag{font-weight:bold}
.radar{max-width:560px;display:block;margin:0 auto}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

function fmtScore(value: number | null, notScored: string): string {
  return value === null ? notScored : value.toFixed(2);
}

/** The self-contained HTML report (design §6). Every user-supplied text is escaped. */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { framework, assessment, scores, language } = input;
  const t = createTranslator(language, 'report');
  const tc = createTranslator(language, 'common');
  const text = (value: Parameters<typeof pickText>[0]) => escapeHtml(pickText(value, language));
  const notScored = t('notScored');
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' });

  const domainTitles = framework.domains.map((d) => pickText(d.title, language));
  const axisTitles = framework.domains.map((d) => domainLabel(d, language));
  const chart = radarSvg({
    title: t('chartTitle'),
    description: t('chartDescription', {
      summary: scores.domains
        .map((d, i) => `${domainTitles[i]}: ${fmtScore(d.mean, notScored)} / ${d.target.toFixed(1)}`)
        .join('; '),
    }),
    axes: axisTitles.map((title, i) => `${i + 1}. ${title}`),
    series: [
      { label: t('target'), values: scores.domains.map((d) => d.target), dashed: true, color: '#7a7a7a' },
      { label: t('score'), values: scores.domains.map((d) => d.mean), dashed: false, color: '#1f4e79' },
    ],
  });

  const summaryCells = (s: ScoreSummary) =>
    `<td class="num">${fmtScore(s.mean, notScored)}</td><td class="num">${fmtScore(s.min, notScored)}</td>` +
    `<td class="num">${s.target.toFixed(1)}</td><td class="num">${fmtScore(s.gap, notScored)}</td>` +
    `<td>${escapeHtml(t('coverageValue', { ...s.coverage }))}<br><span class="muted">${escapeHtml(t('confidence'))}: ${escapeHtml(t('confidenceValue', { ...s.confidence }))}</span></td>`;
  const scoreHead = `<th>${escapeHtml(t('score'))}</th><th>${escapeHtml(t('weakest'))}</th><th>${escapeHtml(t('target'))}</th><th>${escapeHtml(t('gap'))}</th><th>${escapeHtml(t('coverage'))}</th>`;

  const domainRows = framework.domains
    .map((domain, i) => `<tr><th scope="row">${i + 1}. ${text(domain.title)}</th>${summaryCells(scores.domains[i]!)}</tr>`)
    .join('');

  const ratingText = (response: IndicatorResponse | undefined): string => {
    const rating = response?.rating;
    if (!rating) return escapeHtml(t('unanswered'));
    if (rating.kind === 'unknown') return escapeHtml(t('unknown'));
    if (rating.kind === 'notApplicable') return escapeHtml(t('notApplicable', { reason: rating.reason }));
    const level = framework.levels.find((l) => l.level === rating.level);
    return escapeHtml(t('level', { level: rating.level, name: level ? pickText(level.name, language) : '' }));
  };

  const domainSections = framework.domains
    .map((domain, d) => {
      const capabilities = domain.capabilities
        .map((capability, c) => {
          const score = scores.domains[d]!.capabilities[c]!;
          const rows = capability.indicators
            .map((indicator) => {
              const response = assessment.responses[indicator.id];
              const confidence = response?.rating?.kind === 'level' && response.confidence ? ` <span class="muted">(${escapeHtml(tc(`confidence.${response.confidence}`))})</span>` : '';
              const flag = response?.flagged ? `<div class="flag">${escapeHtml(t('flagged'))}</div>` : '';
              return `<tr><td>${indicatorNumber(framework, indicator.id)} ${text(indicator.question)}</td><td>${ratingText(response)}${confidence}${flag}</td><td class="notes">${escapeHtml(response?.notes ?? '')}</td></tr>`;
            })
            .join('');
          return (
            `<h3>${d + 1}.${c + 1} ${text(capability.title)}</h3>` +
            `<table><tr>${scoreHead}</tr><tr>${summaryCells(score)}</tr></table>` +
            `<table><tr><th>${escapeHtml(t('indicator'))}</th><th>${escapeHtml(t('rating'))}</th><th>${escapeHtml(t('notes'))}</th></tr>${rows}</table>`
          );
        })
        .join('');
      return `<section><h2>${d + 1}. ${text(domain.title)}</h2><p class="muted">${text(domain.description)}</p>${capabilities}</section>`;
    })
    .join('');

  const meta: Array<[string, string]> = [
    [t('country'), countryName(assessment.country, language)],
    [t('scope'), assessment.scope],
    [t('mode'), tc(`mode.${assessment.mode}`)],
    [t('status'), tc(`status.${assessment.status}`)],
    [t('framework'), `${pickText(framework.title, language)} ${framework.version}`],
    [t('coverage'), t('coverageValue', { ...scores.overall })],
  ];

  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title'))} — ${escapeHtml(assessment.title)}</title>
<style>${styles}</style>
</head>
<body>
<header>
<p class="muted">${escapeHtml(t('title'))}</p>
<h1>${escapeHtml(assessment.title)}</h1>
<p class="muted">${escapeHtml(t('generatedAt', { date: dateFormat.format(input.generatedAt), version: input.appVersion }))}</p>
<table class="meta">${meta.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
</header>
<main>
<section>
<h2>${escapeHtml(t('domainScores'))}</h2>
${chart}
<table><tr><th></th>${scoreHead}</tr>${domainRows}</table>
</section>
${domainSections}
<section>
<h2>${escapeHtml(t('method.heading'))}</h2>
<p>${escapeHtml(t('method.body'))}</p>
<p>${escapeHtml(t('method.policy'))}</p>
</section>
</main>
</body>
</html>
`;
}
