import { z } from 'zod';
import { localizedText } from './localized-text';
import { stakeholderClusters } from './vocabulary';

export const maturityLevel = z.number().int().min(1).max(5);
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

const slug = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be lower-case letters, digits, "-" and "."');

export const stakeholderCluster = z.enum(stakeholderClusters);
export type StakeholderCluster = z.infer<typeof stakeholderCluster>;

/** Reference frameworks that indicators cross-walk to, by identifier only. */
export const crosswalkSources = [
  'CMM2021', // Oxford GCSCC CMM 2021 factor id, e.g. "D1.2"
  'GCI2024', // ITU GCI pillar: Legal | Technical | Organizational | CapacityDevelopment | Cooperation
  'NCAF1', // ENISA NCAF 1.0 objective number, e.g. "4"
  'NISTCSF2', // NIST CSF 2.0 function or category, e.g. "RS.MA"
  'BUDAPEST', // Council of Europe Convention on Cybercrime article, e.g. "Art16"
  'CETS224', // Second Additional Protocol article
  'UNCC', // UN Convention against Cybercrime chapter or article
  'UNNORM', // 2015 GGE norm letter, a–k
  'IEC62443', // IEC 62443 part or element, e.g. "3-3" or "FR5"
  'FIRST', // FIRST CSIRT Services Framework service area
  'SIM3', // SIM3 parameter, e.g. "O-4"
  'NICE', // NICE Framework category
] as const;
export const crosswalkRef = z.strictObject({
  source: z.enum(crosswalkSources),
  id: z.string().trim().min(1),
  /** Set when the id's numbering could not be checked against the source; shown as such, not as fact. */
  unconfirmed: z.literal(true).optional(),
});
export type CrosswalkRef = z.infer<typeof crosswalkRef>;

export const indicatorSchema = z.strictObject({
  id: slug,
  question: localizedText,
  /** One descriptor per maturity level, level 1 first. */
  descriptors: z.array(localizedText).length(5),
  guidance: localizedText,
  evidenceExamples: z.array(localizedText).min(1),
  stakeholders: z.array(stakeholderCluster).min(1),
  refs: z.array(crosswalkRef),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const capabilitySchema = z.strictObject({
  id: slug,
  title: localizedText,
  description: localizedText,
  defaultTarget: maturityLevel,
  /** Relative weight used in gap priority: 1 = supporting, 2 = important, 3 = essential. */
  importance: z.number().int().min(1).max(3),
  /** Ids of support-catalogue programmes that address this capability. */
  programmes: z.array(slug),
  indicators: z.array(indicatorSchema).min(1),
});
export type Capability = z.infer<typeof capabilitySchema>;

export const domainSchema = z.strictObject({
  id: slug,
  title: localizedText,
  /** A few words for chart axes and tight tables; the title is used where it is missing. */
  shortTitle: localizedText.optional(),
  description: localizedText,
  capabilities: z.array(capabilitySchema).min(1),
});
export type Domain = z.infer<typeof domainSchema>;

export const levelSchema = z.strictObject({
  level: maturityLevel,
  name: localizedText,
  summary: localizedText,
});

export const frameworkSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: slug,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as "1.0.0"'),
  title: localizedText,
  description: localizedText,
  languages: z.array(z.string()).min(1),
  levels: z.array(levelSchema).length(5),
  /** What the framework deliberately leaves out (e.g. defence), for the guide and the report's method section. */
  scopeNote: localizedText.optional(),
  domains: z.array(domainSchema).min(1),
});
export type Framework = z.infer<typeof frameworkSchema>;
