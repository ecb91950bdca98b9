import { describe, expect, it } from 'vitest';
import type { Assessment, Rating } from '../../../core/model/assessment';
import type { Framework } from '../../../core/model/framework';
import { createLibrary } from '../../../core/framework/library';
import { frameworkMappingSchema, mappingProblems, type FrameworkMapping } from '../../../core/framework/mapping';
import { applyMove, lowestRating, previewMove } from '../../../core/framework/move';
import { assessmentFor, response, shippedFramework } from '../fixtures';

const template = shippedFramework('1.0.0');

/** One domain, one capability, the given indicator ids (texts borrowed from the shipped framework). */
function tiny(version: string, ids: string[]): Framework {
  const domain = template.domains[0]!;
  const capability = domain.capabilities[0]!;
  const indicator = capability.indicators[0]!;
  return { ...template, version, domains: [{ ...domain, capabilities: [{ ...capability, indicators: ids.map((id) => ({ ...indicator, id })) }] }] };
}

const from = tiny('1.0.0', ['x.a', 'x.b', 'x.c', 'x.d', 'x.e', 'x.f']);
const to = tiny('1.1.0', ['x.a', 'x.b2', 'x.c1', 'x.c2', 'x.de', 'x.g']);
const note = { en: 'why', ja: '理由' };
const mapping: FrameworkMapping = frameworkMappingSchema.parse({
  schemaVersion: 1,
  frameworkId: 'ccat',
  from: '1.0.0',
  to: '1.1.0',
  indicators: {
    'x.a': { kind: 'same', to: ['x.a'], review: false, note },
    'x.b': { kind: 'same', to: ['x.b2'], review: true, note },
    'x.c': { kind: 'split', to: ['x.c1', 'x.c2'], review: true, note },
    'x.d': { kind: 'merged', to: ['x.de'], review: true, note },
    'x.e': { kind: 'merged', to: ['x.de'], review: true, note },
    'x.f': { kind: 'removed', to: [], review: false, note },
  },
  added: ['x.g'],
});
const level = (n: number): Rating => ({ kind: 'level', level: n });

function assessment(): Assessment {
  return assessmentFor(
    from,
    {
      'x.a': response(level(3), { notes: 'A notes', confidence: 'high', attachmentIds: ['h1'], sessionIds: ['s1'] }),
      'x.b': response(level(2)),
      'x.c': response(level(4), { notes: 'C notes', confidence: 'medium' }),
      'x.d': response(level(3), { notes: 'D notes', confidence: 'high', attachmentIds: ['h2'] }),
      'x.e': response(level(2), { notes: 'E notes', confidence: 'low', attachmentIds: ['h3'] }),
      'x.f': response(level(5), { notes: 'F notes' }),
    },
    {
      targets: { 'hygiene.strategy': 4, 'gone.capability': 3 },
      sessions: [
        {
          id: 's1',
          title: 'CSIRT',
          date: '2026-03-01',
          cluster: 'csirt',
          participants: 3,
          organisations: '',
          nonAttributable: false,
          notes: '',
          inputs: {
            'x.a': { note: 'said A', level: 3, updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 't' },
            'x.d': { note: 'said D', level: 4, updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 't' },
            'x.e': { note: 'said E', level: 2, updatedAt: '2026-03-01T11:00:00.000Z', updatedBy: 'u' },
            'x.f': { note: 'said F', updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 't' },
          },
        },
      ],
    },
  );
}

describe('a framework mapping', () => {
  it('fits the two frameworks when every old indicator is accounted for and every new one is fed or added', () => {
    expect(mappingProblems(mapping, from, to)).toEqual([]);
  });

  it('names each misfit', () => {
    const broken: FrameworkMapping = {
      ...mapping,
      indicators: {
        'x.a': { kind: 'same', to: ['x.zz'], review: false, note },
        'x.b': { kind: 'same', to: ['x.c1'], review: true, note },
        'x.c': { kind: 'split', to: ['x.c1', 'x.c2'], review: true, note },
        'x.d': { kind: 'merged', to: ['x.de'], review: true, note },
        'x.f': { kind: 'removed', to: ['x.g'], review: false, note },
        'x.old': { kind: 'removed', to: [], review: false, note },
      },
    };
    expect(mappingProblems(broken, from, to)).toEqual([
      'mapping ccat 1.0.0→1.1.0: indicators.x.e is missing',
      'mapping ccat 1.0.0→1.1.0: indicators.x.a.to: x.zz is not an indicator of 1.1.0',
      'mapping ccat 1.0.0→1.1.0: indicators.x.f: a "removed" entry cannot have 1 target(s)',
      'mapping ccat 1.0.0→1.1.0: indicators.x.old: no such indicator in 1.0.0',
      'mapping ccat 1.0.0→1.1.0: x.c1 is fed by x.b, x.c; only "merged" entries may share a target',
      'mapping ccat 1.0.0→1.1.0: x.de is the target of one "merged" entry (x.d); a merge needs two or more',
      'mapping ccat 1.0.0→1.1.0: added x.g is also fed by x.f',
      'mapping ccat 1.0.0→1.1.0: x.a of 1.1.0 is neither fed by an old indicator nor listed as added',
      'mapping ccat 1.0.0→1.1.0: x.b2 of 1.1.0 is neither fed by an old indicator nor listed as added',
    ]);
    expect(mappingProblems(mapping, from, tiny('1.2.0', ['x.a']))).toEqual(['mapping ccat 1.0.0→1.1.0 is not for ccat 1.0.0→ccat 1.2.0']);
  });
});

describe('the framework library with mappings', () => {
  it('finds an installed mapping by framework and versions', () => {
    const library = createLibrary([from, to], undefined, [mapping]);
    expect(library.mapping('ccat', '1.0.0', '1.1.0')).toBe(mapping);
    expect(library.mapping('ccat', '0.1.0', '1.1.0')).toBeUndefined();
  });

  it('refuses to start with a mapping that does not fit, or joins a version that is not installed', () => {
    const { 'x.e': _dropped, ...indicators } = mapping.indicators;
    void _dropped;
    expect(() => createLibrary([from, to], undefined, [{ ...mapping, indicators }])).toThrow(/indicators\.x\.e is missing/);
    expect(() => createLibrary([from], undefined, [mapping])).toThrow(/joins a framework version that is not installed/);
  });
});

describe('moving an assessment along a mapping', () => {
  const before = assessment();
  const preview = previewMove(before, mapping, from, to);
  const after = applyMove(before, preview, '2026-03-05T08:00:00.000Z', 'mover');

  it('previews what is kept, flagged, dropped and new, indicator by indicator', () => {
    expect(preview.counts).toEqual({ kept: 1, flagged: 4, dropped: 1, added: 1 });
    expect(preview.kept).toEqual([{ indicatorId: 'x.a', kind: 'same', from: ['x.a'], rating: level(3), note }]);
    expect(preview.flagged.map((i) => [i.indicatorId, i.kind, i.from, i.rating])).toEqual([
      ['x.b2', 'same', ['x.b'], level(2)],
      ['x.c1', 'split', ['x.c'], level(4)],
      ['x.c2', 'split', ['x.c'], level(4)],
      ['x.de', 'merged', ['x.d', 'x.e'], level(2)],
    ]);
    expect(preview.dropped).toEqual([{ indicatorId: 'x.f', kind: 'removed', from: ['x.f'], rating: level(5), note, response: before.responses['x.f'] }]);
    expect(preview.added).toEqual([{ indicatorId: 'x.g', kind: 'added', from: [], rating: null }]);
    expect(preview.targetsDropped).toEqual(['gone.capability']);
    expect(preview).toMatchObject({ fromVersion: '1.0.0', toVersion: '1.1.0', revision: before.revision });
  });

  it('carries a same indicator untouched and flags everything whose question changed', () => {
    expect(after.frameworkVersion).toBe('1.1.0');
    expect(after.responses['x.a']).toEqual(before.responses['x.a']);
    expect(after.responses['x.b2']).toMatchObject({ rating: level(2), flagged: true, updatedBy: 'mover' });
    for (const part of ['x.c1', 'x.c2']) expect(after.responses[part]).toMatchObject({ rating: level(4), notes: 'C notes', confidence: 'medium', flagged: true });
    expect(after.responses['x.g']).toEqual({ notes: '', attachmentIds: [], sessionIds: [], flagged: true, updatedAt: '2026-03-05T08:00:00.000Z', updatedBy: 'mover' });
    expect(Object.keys(after.responses).sort()).toEqual(['x.a', 'x.b2', 'x.c1', 'x.c2', 'x.de', 'x.g']);
    expect(after.targets).toEqual({ 'hygiene.strategy': 4 });
  });

  it('merges with the lowest rating and confidence, keeping every note with its source id and all evidence', () => {
    expect(after.responses['x.de']).toMatchObject({
      rating: level(2),
      confidence: 'low',
      notes: '[x.d] D notes\n\n[x.e] E notes',
      attachmentIds: ['h2', 'h3'],
      flagged: true,
    });
  });

  it('moves session inputs with their indicators and drops those of removed ones', () => {
    expect(after.sessions[0]!.inputs).toEqual({
      'x.a': before.sessions[0]!.inputs['x.a'],
      'x.de': { note: '[x.d] said D\n\n[x.e] said E', level: 2, updatedAt: '2026-03-01T11:00:00.000Z', updatedBy: 'u' },
    });
  });
});

describe('the lowest of several ratings', () => {
  it.each<[string, Array<Rating | undefined>, Rating | undefined]>([
    ['a level beats unknown and N/A', [{ kind: 'unknown' }, level(4), { kind: 'notApplicable', reason: 'r' }, level(3)], level(3)],
    ['unknown beats N/A', [{ kind: 'notApplicable', reason: 'r' }, { kind: 'unknown' }], { kind: 'unknown' }],
    ['N/A keeps every distinct reason', [{ kind: 'notApplicable', reason: 'r1' }, { kind: 'notApplicable', reason: 'r2' }, { kind: 'notApplicable', reason: 'r1' }], { kind: 'notApplicable', reason: 'r1; r2' }],
    ['nothing rated stays unrated', [undefined, undefined], undefined],
  ])('%s', (_, ratings, expected) => {
    expect(lowestRating(ratings)).toEqual(expected);
  });
});
