import { describeIssues } from '../api/dispatch';
import { catalogueSchema, type Catalogue } from '../model/catalogue';
import { frameworkSchema, type Framework } from '../model/framework';
import type { LocalizedText } from '../model/pick-text';
import { summarizeFramework } from './summary';
import { contentKeySet } from '../i18n/content-keys';
import { applyContentTranslations, unknownContentKeys, type ContentTranslation } from './translations';
import { uiLanguages } from '../../locales/languages';
import { forbiddenTermHits, jsonTexts, type TermHit, type Terminology } from './terminology';

export interface FrameworkCheckReport {
  valid: boolean;
  id?: string;
  version?: string;
  schemaErrors: string[];
  stats?: { domains: number; capabilities: number; indicators: number };
  /** Percent (0–100, one decimal) of localized texts present, per declared language. */
  localeCompleteness: Record<string, number>;
  indicatorsWithoutRefs: string[];
  capabilitiesWithoutProgrammes: string[];
  unknownProgrammes: Array<{ capability: string; programme: string }>;
  duplicateIds: string[];
  identicalDescriptors: Array<{ language: string; first: string; second: string }>;
  catalogueProblems: string[];
  indicatorsPerDomain: Record<string, number>;
  /** Questions that seem to ask two things (heuristic): review them, they do not fail the check. */
  doubleBarrelSuspects: Array<{ indicatorId: string; language: string; match: string }>;
  /** Whether a terminology file was applied; without one, `forbiddenTerms` is empty by default. */
  terminologyChecked: boolean;
  forbiddenTerms: TermHit[];
  /** Crosswalk references whose numbering could not be confirmed against the source. */
  unconfirmedRefs: Array<{ indicatorId: string; source: string; id: string }>;
  programmesPerCapability: Record<string, string[]>;
}

/**
 * English: a second clause (", and are …") or a second verb with its own object ("… and use them").
 * Japanese: 及び／並びに after a verb stem (「…し、及び…」), or a second question in the same text.
 */
const doubleBarrelPatterns: Record<string, RegExp> = {
  en: /, and (?:is|are|was|were|has|have|does|do|did|can|could|will|would|should)\b| and (?!(?:of|in|on|for|to|with|by|from|at|the|a|an|its|their|other|how)\b)[a-z]+ (?:the|its|their|them|it)\b/,
  ja: /[しりいきちみびぎけせてえれ]、?(?:及び|並びに)|か。.+か。/,
};

export function doubleBarrelMatch(question: string, language: string): string | undefined {
  return doubleBarrelPatterns[language]?.exec(question)?.[0];
}

/**
 * Validates a framework's shape and its content rules. With a catalogue, programme ids must exist;
 * with `links: 'both-ways'` (the framework the catalogue is written for) the links must also agree in both files.
 */
export function checkFramework(
  raw: unknown,
  rawCatalogue?: unknown,
  links: 'both-ways' | 'exist' = 'both-ways',
  terminology?: Terminology,
  /** Translations kept beside the files (shipped or from a pack): checked as part of the content they translate. */
  translations: readonly ContentTranslation[] = [],
): FrameworkCheckReport {
  const report: FrameworkCheckReport = {
    valid: false,
    schemaErrors: [],
    localeCompleteness: {},
    indicatorsWithoutRefs: [],
    capabilitiesWithoutProgrammes: [],
    unknownProgrammes: [],
    duplicateIds: [],
    identicalDescriptors: [],
    catalogueProblems: [],
    indicatorsPerDomain: {},
    doubleBarrelSuspects: [],
    terminologyChecked: terminology !== undefined,
    forbiddenTerms: [],
    unconfirmedRefs: [],
    programmesPerCapability: {},
  };
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    report.schemaErrors = parsed.error.issues.map((issue) => describeIssues([issue]));
    return report;
  }
  const known = contentKeySet(parsed.data);
  for (const translation of translations) {
    const { kind, id, version } = translation.content;
    if (kind !== 'framework' || id !== parsed.data.id || version !== parsed.data.version) continue;
    for (const key of unknownContentKeys(known, translation.texts)) report.schemaErrors.push(`${translation.language} translation: no text "${key}" in the framework`);
  }
  const framework = applyContentTranslations(parsed.data, 'framework', translations);
  const summary = summarizeFramework(framework);
  report.id = framework.id;
  report.version = framework.version;
  report.stats = { domains: summary.domains, capabilities: summary.capabilities, indicators: summary.indicators };
  report.localeCompleteness = localeCompleteness(framework);
  report.duplicateIds = duplicateIds(framework);

  const catalogue = rawCatalogue === undefined ? undefined : catalogueSchema.safeParse(rawCatalogue);
  if (catalogue && !catalogue.success) {
    report.catalogueProblems = catalogue.error.issues.map((issue) => `catalogue: ${describeIssues([issue])}`);
  }
  const programmeIds = catalogue?.success ? new Set(catalogue.data.programmes.map((p) => p.id)) : undefined;

  const seenDescriptors = new Map<string, string>();
  for (const domain of framework.domains) {
    report.indicatorsPerDomain[domain.id] = domain.capabilities.reduce((sum, c) => sum + c.indicators.length, 0);
    for (const capability of domain.capabilities) {
      report.programmesPerCapability[capability.id] = capability.programmes;
      if (capability.programmes.length === 0) report.capabilitiesWithoutProgrammes.push(capability.id);
      for (const programme of capability.programmes) {
        if (programmeIds && !programmeIds.has(programme)) report.unknownProgrammes.push({ capability: capability.id, programme });
      }
      for (const indicator of capability.indicators) {
        if (indicator.refs.length === 0) report.indicatorsWithoutRefs.push(indicator.id);
        for (const ref of indicator.refs) if (ref.unconfirmed) report.unconfirmedRefs.push({ indicatorId: indicator.id, source: ref.source, id: ref.id });
        for (const [language, question] of Object.entries(indicator.question)) {
          const match = doubleBarrelMatch(question, language);
          if (match !== undefined) report.doubleBarrelSuspects.push({ indicatorId: indicator.id, language, match });
        }
        indicator.descriptors.forEach((descriptor, index) => {
          for (const [language, text] of Object.entries(descriptor)) {
            const key = `${language}\u0000${text.trim().toLowerCase()}`;
            const here = `${indicator.id}#${index + 1}`;
            const earlier = seenDescriptors.get(key);
            if (earlier) report.identicalDescriptors.push({ language, first: earlier, second: here });
            else seenDescriptors.set(key, here);
          }
        });
      }
    }
  }
  if (catalogue?.success && links === 'both-ways') report.catalogueProblems.push(...catalogueLinkProblems(framework, catalogue.data));
  if (terminology) {
    for (const language of terminology.languages) report.forbiddenTerms.push(...forbiddenTermHits(terminology, 'framework', language, jsonTexts(framework, language)));
  }

  const declaredComplete = framework.languages.every((language) => (report.localeCompleteness[language] ?? 0) === 100);
  report.valid =
    declaredComplete &&
    report.schemaErrors.length === 0 &&
    report.indicatorsWithoutRefs.length === 0 &&
    report.capabilitiesWithoutProgrammes.length === 0 &&
    report.unknownProgrammes.length === 0 &&
    report.duplicateIds.length === 0 &&
    report.identicalDescriptors.length === 0 &&
    report.catalogueProblems.length === 0 &&
    report.forbiddenTerms.length === 0;
  return report;
}

function catalogueLinkProblems(framework: Framework, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const capabilities = new Map(framework.domains.flatMap((d) => d.capabilities).map((c) => [c.id, c]));
  for (const programme of catalogue.programmes) {
    for (const capabilityId of programme.capabilities) {
      const capability = capabilities.get(capabilityId);
      if (!capability) problems.push(`programme ${programme.id} names unknown capability ${capabilityId}`);
      else if (!capability.programmes.includes(programme.id)) {
        problems.push(`programme ${programme.id} addresses ${capabilityId}, but that capability does not list it`);
      }
    }
  }
  for (const capability of capabilities.values()) {
    for (const programmeId of capability.programmes) {
      const programme = catalogue.programmes.find((p) => p.id === programmeId);
      if (programme && !programme.capabilities.includes(capability.id)) {
        problems.push(`capability ${capability.id} lists ${programmeId}, but that programme does not name it`);
      }
    }
  }
  return problems;
}

function* localizedTexts(framework: Framework): Generator<LocalizedText> {
  yield framework.title;
  yield framework.description;
  for (const level of framework.levels) yield* [level.name, level.summary];
  for (const domain of framework.domains) {
    yield* [domain.title, domain.description];
    for (const capability of domain.capabilities) {
      yield* [capability.title, capability.description];
      for (const indicator of capability.indicators) {
        yield* [indicator.question, indicator.guidance, ...indicator.descriptors, ...indicator.evidenceExamples];
      }
    }
  }
}

function localeCompleteness(framework: Framework): Record<string, number> {
  const languages = new Set(['en', ...uiLanguages, ...framework.languages]);
  const present = new Map([...languages].map((language) => [language, 0]));
  let total = 0;
  for (const text of localizedTexts(framework)) {
    total++;
    for (const language of languages) {
      if ((text[language] ?? '').trim() !== '') present.set(language, (present.get(language) ?? 0) + 1);
    }
  }
  return Object.fromEntries([...present].map(([language, count]) => [language, Math.round((count / total) * 1000) / 10]));
}

function duplicateIds(framework: Framework): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const ids = framework.domains.flatMap((d) => [d.id, ...d.capabilities.flatMap((c) => [c.id, ...c.indicators.map((i) => i.id)])]);
  for (const id of ids) (seen.has(id) ? duplicates : seen).add(id);
  return [...duplicates];
}
