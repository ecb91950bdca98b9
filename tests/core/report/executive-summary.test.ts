import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/report/build-report';
import type { Block } from '../../../core/report/document';
import type { Assessment } from '../../../core/model/assessment';
import { assessmentFor, response, shippedFramework } from '../fixtures';
import { exportInput } from './report-fixture';

const framework = shippedFramework('1.0.0');
const [strategy, identification] = [framework.domains[0]!.capabilities[0]!, framework.domains[1]!.capabilities[0]!];

/**
 * Worked by hand: capability 1.1 (4 indicators) all at level 2 with high confidence, target 4 →
 * score 2.00, gap 2.00; capability 2.1 (4 indicators) all at level 4, one with low confidence and
 * three with none, target 5 → score 4.00, gap 1.00. Both have importance 3, so 1.1 ranks first.
 * Domains 3–5 are unrated: no overall score. 8 of 105 indicators answered (7.6 % → 8 %).
 */
function handWorked(status: Assessment['status'] = 'draft'): Assessment {
  const responses: Assessment['responses'] = {};
  for (const i of strategy.indicators) responses[i.id] = response({ kind: 'level', level: 2 }, { confidence: 'high' });
  identification.indicators.forEach((i, n) => (responses[i.id] = response({ kind: 'level', level: 4 }, n === 0 ? { confidence: 'low' } : {})));
  return assessmentFor(framework, responses, { targets: { [strategy.id]: 4, [identification.id]: 5 }, status });
}

function summary(assessment: Assessment, language: 'en' | 'ja', report: 'summary' | 'full' = 'summary'): string[] {
  const blocks = buildReport(exportInput('html', report, { language, assessment })).blocks;
  const start = blocks.findIndex((b) => b.kind === 'heading');
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading');
  return blocks.slice(start, end).map((b: Block) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text.parts.join(' | ') : b.kind));
}

describe('the executive summary', () => {
  it('states in English only what the figures say', () => {
    expect(summary(handWorked(), 'en')).toEqual([
      'Executive summary',
      'There is no overall score yet: 3 of the 5 domains have no score, and the overall score is the mean of all domain scores.',
      'The strongest domain is 2. Critical infrastructure (4.00); the weakest is 1. Cyber hygiene (2.00).',
      'The largest gaps to target are in 1.1 National cybersecurity strategy and lead agency (gap 2.00) and 2.1 Identification of critical infrastructure (gap 1.00).',
      'The top 2 priorities for support are 1.1 National cybersecurity strategy and lead agency and 2.1 Identification of critical infrastructure.',
      '8 of 105 indicators are answered (8%), 8 of them rated at a level.',
      'Scores rest on the rated indicators only and may change as the remaining indicators are answered.',
      'Confidence is low for 1 of the 8 rated indicators and not stated for 3.',
      'The assessment is not final (status: Draft); these findings may still change.',
    ]);
  });

  it('says the same in Japanese, from the Japanese templates', () => {
    expect(summary(handWorked(), 'ja')).toEqual([
      '要旨',
      '総合スコアはまだありません。5領域のうち3領域にスコアがなく、総合スコアは全領域のスコアの平均として算出するためです。',
      '最も強い領域は2. 重要インフラ防護（4.00）、最も弱い領域は1. サイバー衛生（2.00）です。',
      '目標とのギャップが最も大きいのは1.1 国家サイバーセキュリティ戦略と司令塔機関（ギャップ 2.00）、2.1 重要インフラの特定（ギャップ 1.00）です。',
      '支援の優先度が最も高い2件は1.1 国家サイバーセキュリティ戦略と司令塔機関、2.1 重要インフラの特定です。',
      '105指標のうち8指標に回答済み（8％）で、うち8指標をレベルで評定しています。',
      'スコアは評定済みの指標のみに基づくため、残りの指標への回答に伴い変わる可能性があります。',
      '評定済みの8指標のうち、確度が低いものは1指標、確度未記入のものは3指標です。',
      '本評価は未確定（状態：作成中）であり、これらの所見は変わる可能性があります。',
    ]);
  });

  it('gives the overall score once every domain has one, and drops the draft caveat when final', () => {
    const responses: Assessment['responses'] = {};
    // Every domain's first capability at level 3: each domain scores 3.00, so the overall score is 3.00.
    for (const domain of framework.domains) for (const i of domain.capabilities[0]!.indicators) responses[i.id] = response({ kind: 'level', level: 3 }, { confidence: 'medium' });
    const lines = summary(assessmentFor(framework, responses, { status: 'final' }), 'en');
    expect(lines[1]).toBe('The overall score is 3.00 on the scale of 1 to 5: the mean of the 5 domain scores.');
    expect(lines.at(-1)).toMatch(/^All \d+ rated indicators have medium or high confidence\.$/);
    expect(lines.join('\n')).not.toContain('not final');
  });

  it('says that nothing is scored yet rather than naming a strongest domain', () => {
    expect(summary(assessmentFor(framework, {}), 'en').slice(1, 3)).toEqual([
      'There is no overall score yet: 5 of the 5 domains have no score, and the overall score is the mean of all domain scores.',
      'No domain has a score yet, because no indicator is rated at a level.',
    ]);
  });

  it.each(['summary', 'full', 'plan'] as const)('%s: the facts at the top state the overall score in the same words', (report) => {
    for (const [language, label, sentence] of [
      ['en', 'Overall score', 'There is no overall score yet: 3 of the 5 domains have no score, and the overall score is the mean of all domain scores.'],
      ['ja', '総合スコア', '総合スコアはまだありません。5領域のうち3領域にスコアがなく、総合スコアは全領域のスコアの平均として算出するためです。'],
    ] as const) {
      const facts = buildReport(exportInput('html', report, { language, assessment: handWorked() })).blocks[0]!;
      expect(facts.kind === 'facts' && facts.rows.find((r) => r.label.parts[0] === label)?.value.map((l) => l.text.parts[0])).toEqual([sentence]);
    }
  });

  it('opens the full report too, and the method states the overall score the same way', () => {
    expect(summary(handWorked(), 'en', 'full')[0]).toBe('Executive summary');
    const doc = buildReport(exportInput('html', 'summary', { assessment: handWorked() }));
    const method = doc.blocks.find((b) => b.kind === 'list');
    expect(method?.kind === 'list' && method.items.map((t) => t.parts[0])).toContain(
      // The results screen's wording (locales common.json method.overall), so the two say it alike.
      'The overall score is the mean of the 5 domain scores. It is given only when every domain has a score: a mean over some domains would depend on which ones the team reached.',
    );
  });
});
