import { CoreError } from '../api/result';
import type { Catalogue } from '../model/catalogue';
import type { Framework } from '../model/framework';
import { compareVersions, summarizeFramework, type FrameworkSummary } from './summary';

export interface FrameworkLibrary {
  list(): FrameworkSummary[];
  get(id: string, version: string): Framework;
  latest(id: string): Framework;
  /** The default framework for new assessments. */
  defaultId: string;
  catalogue: Catalogue | undefined;
}

export function createLibrary(frameworks: Framework[], catalogue: Catalogue | undefined, defaultId = 'ccat'): FrameworkLibrary {
  const sorted = [...frameworks].sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
  return {
    defaultId,
    catalogue,
    list: () => sorted.map(summarizeFramework),
    get(id, version) {
      const found = sorted.find((f) => f.id === id && f.version === version);
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
