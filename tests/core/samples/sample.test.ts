import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../../core/model/assessment';
import { assessmentsDir, ok, useCores } from '../api/core-harness';

const file = join(assessmentsDir, 'samples', 'sample.json');
const hasJapanese = (text: string) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
const hasEnglish = (text: string) => /[A-Za-z]{3,}/.test(text);

describe('the sample assessment file', () => {
  const parsed = assessmentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));

  it('is a valid assessment, marked as a sample in its data and its title', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.sample).toBe(true);
    expect(parsed.data?.title).toMatch(/^SAMPLE .*サンプル/);
  });

  it('fills every screen, in English and Japanese', () => {
    const sample = parsed.data!;
    const responses = Object.values(sample.responses);
    const withNotes = responses.filter((r) => r.rating?.kind === 'level' && r.notes !== '' && r.confidence !== undefined);
    expect(withNotes.length).toBeGreaterThanOrEqual(20);
    for (const r of withNotes) expect(hasEnglish(r.notes) && hasJapanese(r.notes), r.notes).toBe(true);
    expect(responses.some((r) => r.rating?.kind === 'notApplicable')).toBe(true);
    expect(responses.some((r) => r.rating?.kind === 'unknown')).toBe(true);
    expect(responses.some((r) => r.flagged)).toBe(true);
    expect(sample.sessions.length).toBeGreaterThanOrEqual(3);
    for (const session of sample.sessions) {
      expect(Object.keys(session.inputs).length).toBeGreaterThan(0);
      expect(hasEnglish(session.notes) && hasJapanese(session.notes)).toBe(true);
    }
    expect(Object.keys(sample.targets).length).toBeGreaterThan(0);
    expect(Object.keys(sample.context.donorSupport).length).toBeGreaterThan(0);
    expect(hasJapanese(sample.context.notes)).toBe(true);
    expect(Object.keys(sample.plan.decisions).length).toBeGreaterThan(0);
    expect(sample.plan.customActions.length).toBeGreaterThan(0);
  });
});

describe('openSample', () => {
  const { core } = useCores();

  it('stores the sample once and returns the same id after that, keeping the user\'s edits', async () => {
    const c = await core();
    const { id } = await ok(c, 'openSample', {});
    const opened = await ok(c, 'openAssessment', { id });
    expect(opened.assessment.sample).toBe(true);
    expect(opened.framework.version).toBe(opened.assessment.frameworkVersion);
    const indicatorId = 'hr.data-protection.authority';
    await ok(c, 'updateResponse', { id, indicatorId, patch: { notes: 'edited' }, base: { notes: opened.assessment.responses[indicatorId]?.notes ?? '' } });

    expect(await ok(c, 'openSample', {})).toEqual({ id });
    expect((await ok(c, 'listAssessments', {})).filter((a) => a.id === id)).toHaveLength(1);
    expect((await ok(c, 'getAssessment', { id })).responses[indicatorId]?.notes).toBe('edited');
  });

  it('scores every domain and proposes a plan from the sample', async () => {
    const c = await core();
    const { id } = await ok(c, 'openSample', {});
    const scores = await ok(c, 'getScores', { id });
    expect(scores.domains.every((d) => d.mean !== null)).toBe(true);
    const plan = await ok(c, 'getPlan', { id });
    const decided = plan.recommendations.filter((r) => 'decision' in r && r.decision !== undefined);
    expect(decided.length).toBeGreaterThan(0);
  });
});
