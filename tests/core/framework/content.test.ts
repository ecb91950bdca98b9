import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueSchema } from '../../../core/model/catalogue';
import { frameworkSchema } from '../../../core/model/framework';

const root = join(import.meta.dirname, '..', '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const framework = frameworkSchema.parse(readJson('assessments/frameworks/ccat-1.0.0.json'));
const catalogue = catalogueSchema.parse(readJson('assessments/catalogue/programmes.json'));
const capabilities = framework.domains.flatMap((d) => d.capabilities);
const indicators = capabilities.flatMap((c) => c.indicators);
const languages = ['en', 'ja'];

describe('the CCAT 1.0.0 framework content', () => {
  it('has the five domains of design §1, in order', () => {
    expect(framework.domains.map((d) => d.id)).toEqual(['hygiene', 'cip', 'cybercrime', 'norms', 'hr']);
  });

  it('has about 25 capabilities and 90–130 indicators', () => {
    expect(capabilities.length).toBeGreaterThanOrEqual(22);
    expect(capabilities.length).toBeLessThanOrEqual(30);
    expect(indicators.length).toBeGreaterThanOrEqual(90);
    expect(indicators.length).toBeLessThanOrEqual(130);
  });

  it('says in domains 1 and 2 that together they are the Basic Policy’s first approach', () => {
    for (const domain of framework.domains.slice(0, 2)) {
      expect(domain.description.en).toMatch(/first/i);
      expect(domain.description.en).toMatch(/Basic Policy/);
      expect(domain.description.ja).toMatch(/基本方針/);
    }
  });

  it.each(indicators.map((i) => [i.id, i] as const))('%s has five non-empty, distinct descriptors in English and Japanese', (_, indicator) => {
    for (const language of languages) {
      const texts = indicator.descriptors.map((d) => (d[language] ?? '').trim());
      expect(texts.every((t) => t.length > 0)).toBe(true);
      expect(new Set(texts).size).toBe(5);
    }
    expect(indicator.question.ja?.trim()).toBeTruthy();
    expect(indicator.guidance.ja?.trim()).toBeTruthy();
  });

  it('gives every indicator at least one crosswalk reference', () => {
    expect(indicators.filter((i) => i.refs.length === 0).map((i) => i.id)).toEqual([]);
  });

  it('links every capability to at least one programme that exists in the catalogue', () => {
    const programmes = new Set(catalogue.programmes.map((p) => p.id));
    for (const capability of capabilities) {
      expect(capability.programmes.length, capability.id).toBeGreaterThan(0);
      for (const id of capability.programmes) expect(programmes.has(id), `${capability.id} → ${id}`).toBe(true);
    }
  });

  it('has unique ids, and keeps every id it shipped with (ids are stable)', () => {
    const ids = framework.domains.flatMap((d) => [d.id, ...d.capabilities.flatMap((c) => [c.id, ...c.indicators.map((i) => i.id)])]);
    expect(new Set(ids).size).toBe(ids.length);
    const shipped = readJson('tests/fixtures/framework-ids/ccat-1.0.0.json') as string[];
    expect(ids.filter((id) => !shipped.includes(id))).toEqual([]);
    expect(shipped.filter((id) => !ids.includes(id))).toEqual([]);
  });
});

describe('the support-programme catalogue', () => {
  it('has at least 20 programmes, each naming only capabilities that exist in the newest framework', () => {
    expect(catalogue.programmes.length).toBeGreaterThanOrEqual(20);
    const newest = frameworkSchema.parse(readJson('assessments/frameworks/ccat-1.1.0.json'));
    const known = new Set(newest.domains.flatMap((d) => d.capabilities.map((c) => c.id)));
    for (const programme of catalogue.programmes) {
      expect(programme.capabilities.filter((id) => !known.has(id)), programme.id).toEqual([]);
    }
  });

  it('describes every programme in English and Japanese with a level range and an effort band', () => {
    for (const programme of catalogue.programmes) {
      for (const text of [programme.name, programme.provider, programme.description, programme.duration]) {
        expect(text.ja?.trim(), programme.id).toBeTruthy();
      }
      expect(programme.fromLevel).toBeLessThan(programme.toLevel);
      expect(['S', 'M', 'L']).toContain(programme.effort);
    }
  });

  it('covers the programmes the facts name', () => {
    const ids = catalogue.programmes.map((p) => p.id);
    for (const id of ['ajccbc-cyder', 'icscoe-ics-week', 'icscoe-core-programme', 'jica-technical-cooperation', 'jica-group-training-cybercrime', 'unodc-gpc', 'unafei-cybercrime-course', 'asean-japan-cybercrime-dialogue', 'asean-japan-awareness', 'worldbank-mdtf-assessment', 'worldbank-mdtf-ta']) {
      expect(ids).toContain(id);
    }
  });
});
