import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueSchema } from '../../../core/model/catalogue';

const root = join(import.meta.dirname, '..', '..', '..');
const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(root, 'assessments', 'catalogue', 'programmes.json'), 'utf8')));
const byId = new Map(catalogue.programmes.map((p) => [p.id, p]));
const get = (id: string) => {
  const programme = byId.get(id);
  if (!programme) throw new Error(`no programme ${id}`);
  return programme;
};

/** The content review of 1.0.0 (§4.2, §6) named these defects; each check below is one of them. */
describe('the support-programme catalogue after the 1.0.0 review', () => {
  it('gives every entry the date its facts were checked, a status, and who may join, in English and Japanese', () => {
    for (const programme of catalogue.programmes) {
      expect(programme.asOf, programme.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['running', 'recurring', 'past'], programme.id).toContain(programme.status);
      expect(programme.eligibility.en.trim(), programme.id).not.toBe('');
      expect(programme.eligibility.ja?.trim(), programme.id).toBeTruthy();
      if (programme.statusNote) expect(programme.statusNote.ja?.trim(), programme.id).toBeTruthy();
    }
  });

  it('lets a short course or dialogue (effort S) lift a capability by one level at most', () => {
    const inflated = catalogue.programmes.filter((p) => p.effort === 'S' && p.toLevel - p.fromLevel > 1).map((p) => `${p.id} ${p.fromLevel}→${p.toLevel}`);
    expect(inflated).toEqual([]);
    // The seven the review named as claiming level 4.
    for (const id of ['ajccbc-malware-analysis', 'icscoe-ics-week', 'jica-group-training-cybercrime', 'unafei-cybercrime-course', 'asean-japan-cybercrime-dialogue', 'asean-japan-exercises', 'bilateral-cyber-dialogue']) {
      expect(get(id).toLevel, id).toBeLessThanOrEqual(3);
    }
  });

  it('says the ICSCoE core programme is closed to partner-country staff and does not link it to workforce planning', () => {
    const core = get('icscoe-core-programme');
    expect(core.eligibility.en).toMatch(/cannot enrol/);
    expect(core.eligibility.ja).toMatch(/受講できず/);
    expect(core.capabilities).not.toContain('hr.workforce');
    expect(core.toLevel - core.fromLevel).toBeLessThanOrEqual(1);
  });

  it('marks one-off or stale evidence as past, with what was last confirmed', () => {
    for (const id of ['jica-group-training-cybercrime', 'unafei-cybercrime-course', 'interpol-asean-cyber', 'asean-japan-cybercrime-dialogue', 'jica-hr-higher-education', 'ajccbc-forensics', 'ajccbc-malware-analysis']) {
      expect(get(id).status, id).toBe('past');
      expect(get(id).statusNote?.en, id).toBeTruthy();
    }
    // asOf 2025-07 on the ASEAN–Japan items only reflected the NISC→NCO rename.
    for (const id of ['asean-japan-exercises', 'asean-japan-awareness', 'asean-japan-ciip-guidelines', 'bilateral-cyber-dialogue']) {
      expect(get(id).asOf < '2025-01-01', id).toBe(true);
    }
  });

  it('notes renamed bodies with the date', () => {
    expect(get('jica-hr-higher-education').renamed).toEqual([expect.objectContaining({ date: '2024-10-21', to: expect.objectContaining({ en: expect.stringContaining('Komdigi') }) })]);
    expect(get('jica-technical-cooperation').renamed).toEqual([expect.objectContaining({ date: '2025-03-01', to: expect.objectContaining({ en: expect.stringContaining('Ministry of Science and Technology') }) })]);
    expect(get('asean-japan-exercises').renamed?.[0]).toMatchObject({ date: '2025-07-01', to: { en: expect.stringContaining('National Cybersecurity Office') } });
  });

  it('names MIC (総務省) on every AJCCBC entry and uses 日米EU for the ICS week', () => {
    const ajccbc = catalogue.programmes.filter((p) => p.id.startsWith('ajccbc-'));
    expect(ajccbc).toHaveLength(4);
    for (const programme of ajccbc) {
      expect(programme.partners.map((p) => p.ja), programme.id).toContain('総務省');
      expect(programme.description.ja, programme.id).toContain('総務省');
      expect(programme.description.en, programme.id).toContain('Ministry of Internal Affairs and Communications');
    }
    expect(get('icscoe-ics-week').name.ja).toContain('日米EU');
    expect(get('icscoe-ics-week').name.ja).not.toContain('日米欧');
  });

  it('drops the 14 weak capability–programme links the review listed (§6.3)', () => {
    const weak: Array<[string, string]> = [
      ['hygiene.incident-management', 'ajccbc-forensics'],
      ['hygiene.incident-management', 'ajccbc-malware-analysis'],
      ['cip.regulation', 'icscoe-ics-week'],
      ['cip.supply-chain', 'asean-japan-ciip-guidelines'],
      ['cip.exercises-sharing', 'ajccbc-cyder'],
      ['cybercrime.forensics', 'ajccbc-forensics'],
      ['cybercrime.international-cooperation', 'bilateral-cyber-dialogue'],
      ['cybercrime.public-private', 'asean-japan-awareness'],
      ['norms.un-norms', 'asean-japan-ciip-guidelines'],
      ['hr.workforce', 'ajccbc-youth-challenge'],
      ['hr.workforce', 'icscoe-core-programme'],
      ['hr.education', 'ajccbc-youth-challenge'],
      ['hr.research-industry', 'jica-hr-higher-education'],
      ['hr.research-industry', 'asean-japan-awareness'],
    ];
    expect(weak.filter(([capability, programme]) => get(programme).capabilities.includes(capability))).toEqual([]);
  });

  it('names the Japanese ministries behind the cybercrime dialogue', () => {
    expect(get('asean-japan-cybercrime-dialogue').provider.en).toMatch(/Ministry of Foreign Affairs.*National Police Agency/);
  });
});
