import { pickText, type LocalizedText } from '../model/pick-text';
import type { Framework, Indicator, Capability, Domain } from '../model/framework';

export interface FrameworkSummary {
  id: string;
  version: string;
  title: LocalizedText;
  domains: number;
  capabilities: number;
  indicators: number;
}

export function summarizeFramework(framework: Framework): FrameworkSummary {
  const capabilities = framework.domains.flatMap((d) => d.capabilities);
  return {
    id: framework.id,
    version: framework.version,
    title: framework.title,
    domains: framework.domains.length,
    capabilities: capabilities.length,
    indicators: capabilities.reduce((sum, c) => sum + c.indicators.length, 0),
  };
}

export interface IndicatorPlace {
  domain: Domain;
  capability: Capability;
  indicator: Indicator;
}

/** Every indicator with its domain and capability, in framework order. */
export function indicatorPlaces(framework: Framework): IndicatorPlace[] {
  return framework.domains.flatMap((domain) =>
    domain.capabilities.flatMap((capability) => capability.indicators.map((indicator) => ({ domain, capability, indicator }))),
  );
}

/** Numbering shown to people ("2.3.1"), derived from position so that ids never need to change. */
export function indicatorNumber(framework: Framework, indicatorId: string): string {
  for (const [d, domain] of framework.domains.entries()) {
    for (const [c, capability] of domain.capabilities.entries()) {
      const i = capability.indicators.findIndex((x) => x.id === indicatorId);
      if (i >= 0) return `${d + 1}.${c + 1}.${i + 1}`;
    }
  }
  return '?';
}

/** Frameworks sort by semantic version, newest last. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** A domain's name for chart axes: its short title, or the part of its title before a colon. */
export function domainLabel(domain: Domain, language: string): string {
  if (domain.shortTitle) return pickText(domain.shortTitle, language);
  return pickText(domain.title, language).split(/[:：]/)[0]!.trim();
}
