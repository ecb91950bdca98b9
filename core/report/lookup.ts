import type { Catalogue, Programme } from '../model/catalogue';
import type { Capability, Domain, Framework } from '../model/framework';

export interface CapabilityPlace {
  domain: Domain;
  capability: Capability;
  /** "2.3": the numbering people see, from the framework order. */
  number: string;
}

/** Finds capabilities and programmes by id; the plan and scores refer to them only by id. */
export interface Lookup {
  capability(id: string): CapabilityPlace | undefined;
  programme(id: string): Programme | undefined;
}

export function createLookup(framework: Framework, catalogue: Catalogue | undefined): Lookup {
  const capabilities = new Map<string, CapabilityPlace>();
  framework.domains.forEach((domain, d) =>
    domain.capabilities.forEach((capability, c) => capabilities.set(capability.id, { domain, capability, number: `${d + 1}.${c + 1}` })),
  );
  const programmes = new Map((catalogue?.programmes ?? []).map((p) => [p.id, p]));
  return { capability: (id) => capabilities.get(id), programme: (id) => programmes.get(id) };
}
