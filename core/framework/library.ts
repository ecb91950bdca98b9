import { CoreError } from '../api/result';
import type { Catalogue } from '../model/catalogue';
import type { Framework } from '../model/framework';
import { mappingProblems, type FrameworkMapping } from './mapping';
import { compareVersions, summarizeFramework, type FrameworkSummary } from './summary';

export interface FrameworkLibrary {
  list(): FrameworkSummary[];
  get(id: string, version: string): Framework;
  latest(id: string): Framework;
  /** The default framework for new assessments. */
  defaultId: string;
  catalogue: Catalogue | undefined;
  /** How answers move from one version of a framework to another, when a mapping is installed. */
  mapping(id: string, from: string, to: string): FrameworkMapping | undefined;
}

/**
 * A library loaded the first time something asks it a question: a command that never needs a
 * framework (listing assessments, settings, the app's version) does not pay for reading,
 * validating and translating them, which is most of the CLI's start-up.
 */
export function lazyLibrary(load: () => FrameworkLibrary): FrameworkLibrary {
  let loaded: FrameworkLibrary | undefined;
  const library = () => (loaded ??= load());
  return {
    get defaultId() {
      return library().defaultId;
    },
    get catalogue() {
      return library().catalogue;
    },
    mapping: (id, from, to) => library().mapping(id, from, to),
    list: () => library().list(),
    get: (id, version) => library().get(id, version),
    latest: (id) => library().latest(id),
  };
}

/** Every mapping must fit the two installed frameworks it joins: they ship together, so a misfit is a build defect. */
export function createLibrary(frameworks: Framework[], catalogue: Catalogue | undefined, mappings: FrameworkMapping[] = [], defaultId = 'ccat'): FrameworkLibrary {
  const sorted = [...frameworks].sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
  const find = (id: string, version: string) => sorted.find((f) => f.id === id && f.version === version);
  for (const mapping of mappings) {
    const from = find(mapping.frameworkId, mapping.from);
    const to = find(mapping.frameworkId, mapping.to);
    const problems = from && to ? mappingProblems(mapping, from, to) : [`mapping ${mapping.frameworkId} ${mapping.from}→${mapping.to} joins a framework version that is not installed`];
    if (problems.length > 0) throw new CoreError('INVALID_FRAMEWORK', problems.join('; '));
  }
  return {
    defaultId,
    catalogue,
    mapping: (id, from, to) => mappings.find((m) => m.frameworkId === id && m.from === from && m.to === to),
    list: () => sorted.map(summarizeFramework),
    get(id, version) {
      const found = find(id, version);
      if (!found) {
        throw new CoreError('NOT_FOUND', `Framework ${id} version ${version} is not installed. Install that framework file to open assessments made with it.`);
      }
      return found;
    },
    latest(id) {
      const found = sorted.filter((f) => f.id === id).at(-1);
      if (!found) throw new CoreError('NOT_FOUND', `No framework with id ${id} is installed.`);
      return found;
    },
  };
}
