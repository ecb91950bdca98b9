import type { Framework } from '../core/model/framework';
import { request } from './api';

export interface FrameworkRef {
  frameworkId: string;
  frameworkVersion: string;
}

const lastUsedKey = 'ccat.lastFramework';
const loaded = new Map<string, Promise<Framework>>();
const usedBy = new Map<string, FrameworkRef>();

/** A framework version never changes once published: each is fetched once per page, however often assessments open. */
export function loadFramework(ref: FrameworkRef): Promise<Framework> {
  const key = `${ref.frameworkId}@${ref.frameworkVersion}`;
  let framework = loaded.get(key);
  if (!framework) {
    framework = request('getFramework', { id: ref.frameworkId, version: ref.frameworkVersion });
    // A failed fetch is not kept: the next open asks again.
    framework.catch(() => loaded.delete(key));
    loaded.set(key, framework);
  }
  return framework;
}

/** What the home list says each assessment uses, so that opening one can fetch its framework beside it. */
export function rememberFrameworks(assessments: ReadonlyArray<FrameworkRef & { id: string }>): void {
  for (const { id, frameworkId, frameworkVersion } of assessments) usedBy.set(id, { frameworkId, frameworkVersion });
}

/**
 * Starts fetching the framework the assessment most likely uses before the assessment itself has
 * arrived: the one the list named, else the one last opened (almost always the same). A wrong
 * guess costs one unused fetch; the caller still loads the framework the assessment names.
 */
export function prefetchFrameworkFor(assessmentId: string): void {
  const known = usedBy.get(assessmentId);
  const [frameworkId, frameworkVersion] = (localStorage.getItem(lastUsedKey) ?? '').split('@');
  const guess = known ?? (frameworkId && frameworkVersion ? { frameworkId, frameworkVersion } : undefined);
  if (guess) loadFramework(guess).catch(() => undefined);
}

export function noteFrameworkUsed(ref: FrameworkRef): void {
  localStorage.setItem(lastUsedKey, `${ref.frameworkId}@${ref.frameworkVersion}`);
}
