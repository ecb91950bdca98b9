import { domainLabel } from '../../framework/summary';
import { pickText } from '../../model/pick-text';
import type { UiLanguage } from '../../../locales/languages';
import type { BuildContext } from '../build-context';
import type { Block, Txt } from '../document';
import { fmtScore } from '../format';

/** How many gaps and priorities the summary names: enough to act on, few enough to read. */
const NAMED = 3;

const list = (items: readonly string[], language: UiLanguage) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);

/** The overall score (scores.overallMean) in one sentence, or that there is none yet and why: the same words in every report. */
export function overallSentence(ctx: BuildContext): Txt {
  const { L, input } = ctx;
  const domains = input.framework.domains.length;
  const scored = input.scores.domains.filter((d) => d.mean !== null).length;
  return input.scores.overallMean === null
    ? L.t('summary.noOverall', { unscored: domains - scored, domains })
    : L.t('summary.overall', (l) => ({ score: fmtScore(input.scores.overallMean, l)!, domains }));
}

/**
 * The executive summary: sentences filled from the scores and the plan through locale templates,
 * so every statement is a figure the report shows elsewhere and none is invented. It names the
 * overall score (or says there is none), the strongest and weakest domains, the largest gaps, the
 * top priorities, and how far coverage and confidence carry the figures.
 */
export function executiveSummary(ctx: BuildContext): Block[] {
  const { L, input, assessment } = ctx;
  const { framework, scores, plan } = input;
  const domains = framework.domains.map((domain, i) => ({ domain, number: i + 1, mean: scores.domains.find((s) => s.domainId === domain.id)?.mean ?? null }));
  const scored = domains.filter((d): d is typeof d & { mean: number } => d.mean !== null);
  const name = (d: (typeof domains)[number], l: UiLanguage) => `${d.number}. ${domainLabel(d.domain, l)}`;
  const sentences: Txt[] = [];

  sentences.push(overallSentence(ctx));

  if (scored.length === 0) sentences.push(L.t('summary.noScores'));
  else if (scored.length === 1) sentences.push(L.t('summary.oneDomain', (l) => ({ domain: name(scored[0]!, l), score: fmtScore(scored[0]!.mean, l)! })));
  else {
    // Ties go to the domain first in the framework, so the sentence is the same on every run.
    const strongest = scored.reduce((a, b) => (b.mean > a.mean ? b : a));
    const weakest = scored.reduce((a, b) => (b.mean < a.mean ? b : a));
    sentences.push(
      L.t('summary.range', (l) => ({ strongest: name(strongest, l), high: fmtScore(strongest.mean, l)!, weakest: name(weakest, l), low: fmtScore(weakest.mean, l)! })),
    );
  }

  const gaps = scores.domains
    .flatMap((d) => d.capabilities)
    .filter((c): c is typeof c & { gap: number } => c.gap !== null && c.gap > 0)
    .sort((a, b) => b.gap - a.gap)
    .slice(0, NAMED);
  const capability = (id: string, l: UiLanguage) => {
    const place = ctx.lookup.capability(id);
    return place ? `${place.number} ${pickText(place.capability.title, l)}` : id;
  };
  if (scored.length > 0) {
    sentences.push(
      gaps.length === 0
        ? L.t('summary.noGaps')
        : L.t('summary.gaps', (l) => ({ list: list(gaps.map((g) => L.in(l, 'summary.gapItem', { capability: capability(g.capabilityId, l), gap: fmtScore(g.gap, l)! })), l) })),
    );
  }

  const ranked = plan.priorities.filter((p) => p.rank !== null).slice(0, NAMED);
  if (ranked.length > 0) {
    sentences.push(L.t('summary.priorities', (l) => ({ count: ranked.length, list: list(ranked.map((p) => capability(p.capabilityId, l)), l) })));
  }

  const coverage = scores.overall;
  sentences.push(L.t('summary.coverage', { answered: coverage.answered, total: coverage.total, rated: coverage.rated, percent: Math.round((100 * coverage.answered) / Math.max(1, coverage.total)) }));
  if (coverage.answered < coverage.total) sentences.push(L.t('summary.coveragePartial'));

  const confidence = scores.domains.reduce((sum, d) => ({ low: sum.low + d.confidence.low, unstated: sum.unstated + d.confidence.unstated }), { low: 0, unstated: 0 });
  if (coverage.rated > 0) {
    sentences.push(
      confidence.low + confidence.unstated === 0
        ? L.t('summary.confidenceFirm', { count: coverage.rated })
        : L.t('summary.confidence', { count: coverage.rated, low: confidence.low, unstated: confidence.unstated }),
    );
  }

  if (assessment.status !== 'final') sentences.push(L.t('summary.draft', (l) => ({ status: L.commonIn(l, `status.${assessment.status}`) })));

  return [{ kind: 'heading', level: 2, text: L.t('summary.heading') }, ...sentences.map((text): Block => ({ kind: 'paragraph', text }))];
}
