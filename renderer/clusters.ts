import type { StakeholderCluster } from '../core/model/framework';

/** The framework's stakeholder clusters (the schema module stays out of the page, so the list is repeated; the type keeps it complete). */
export const clusters = [
  'csirt',
  'government-ict',
  'ministries',
  'regulators',
  'ci-operators',
  'law-enforcement',
  'prosecution-judiciary',
  'defence',
  'foreign-affairs',
  'private-sector',
  'academia',
  'civil-society',
  'international-partners',
] as const satisfies readonly StakeholderCluster[];

type Missing = Exclude<StakeholderCluster, (typeof clusters)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;
