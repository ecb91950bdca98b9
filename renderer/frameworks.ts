import type { Framework } from '../core/model/framework';
import { request } from './api';

export interface FrameworkRef {
  frameworkId: string;
  frameworkVersion: string;
}

const loaded = new Map<string, Promise<Framework>>();

/** A framework version never changes once published: each is fetched once per page, however often it is needed (a baseline's scores). */
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
