import { randomUUID } from 'node:crypto';
import { loadLibrary } from '../framework/load-library.node.ts';
import { openAssessmentStore } from '../store/assessment-store.node.ts';
import { dispatch, type ApiHandlers } from './dispatch';
import { createHandlers } from './handlers';
import type { Result } from './result';

export interface CoreOptions {
  dataDir: string;
  /** The folder holding frameworks/ and catalogue/ (the repo's or the packaged app's assessments/). */
  assessmentsDir: string;
  appVersion: string;
  now?: () => Date;
}

export interface Core {
  handlers: ApiHandlers;
  dispatch(name: unknown, payload: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/** Opens the store and frameworks and returns the one API object that every shell calls in-process. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const library = await loadLibrary(options.assessmentsDir);
  const now = options.now ?? (() => new Date());
  const store = await openAssessmentStore({ dataDir: options.dataDir, now });
  const handlers = createHandlers({
    store,
    library,
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    now,
    newId: randomUUID,
  });
  return {
    handlers,
    dispatch: (name, payload) => dispatch(handlers, name, payload),
    close: () => store.close(),
  };
}
