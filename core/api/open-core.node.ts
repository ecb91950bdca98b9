import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createExchange } from '../bundle/exchange.node.ts';
import { loadLibrary } from '../framework/load-library.node.ts';
import { lazyLibrary } from '../framework/library';
import { openAssessmentStore } from '../store/assessment-store.node.ts';
import { dispatch, type ApiHandlers } from './dispatch';
import { attachmentFiles } from '../store/attachments.node.ts';
import { createHandlers, type ExportServices } from './handlers/index';
import { readOnlySnapshotError } from '../store/errors';
import { userSettingsStore } from '../store/user-settings.node.ts';
import type { Result } from './result';
import { loadSample } from '../samples/sample.node.ts';
import { languagePackService } from '../i18n/language-pack/language-packs';
import { languagePackStore } from '../i18n/language-pack/pack-store.node.ts';
import { loadShippedTexts } from '../i18n/language-pack/shipped-texts.node.ts';
import type { ShippedTexts } from '../i18n/language-pack/units';

export interface CoreOptions {
  dataDir: string;
  /** The folder holding frameworks/ and catalogue/ (the repo's or the packaged app's assessments/). */
  assessmentsDir: string;
  appVersion: string;
  now?: () => Date;
  /** What this shell can offer for exports: PDF printing and chart rasterising need a browser engine. */
  exports?: ExportServices;
  /** A snapshot that takes no lock and writes nothing: commands that would save are refused. */
  readOnly?: boolean;
  /** The folder holding the assessor's guide (framework.md, framework.<lang>.md); by default docs/ beside assessmentsDir. */
  docsDir?: string;
  /**
   * When the frameworks, catalogue and translations are read: at start for a shell that stays open
   * (the app, `serve`: a broken shipped file fails the start, and no screen waits for them later),
   * on first use for a one-shot command that may not need them (`assessments list`).
   */
  frameworks?: 'at-start' | 'on-first-use';
}

export interface Core {
  handlers: ApiHandlers;
  dispatch(name: unknown, payload: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  /** Writes what the store defers (the list's index) now. */
  flush(): Promise<void>;
}

/** Opens the store and frameworks and returns the one API object that every shell calls in-process. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const load = () => loadLibrary(options.assessmentsDir);
  const library = options.frameworks === 'on-first-use' ? lazyLibrary(load) : load();
  const now = options.now ?? (() => new Date());
  const readOnly = options.readOnly === true;
  const store = await openAssessmentStore({
    dataDir: options.dataDir,
    now,
    appVersion: options.appVersion,
    readOnly,
    catalogue: () => library.catalogue,
    // An assessment made with a framework version that is not installed is listed without scores.
    frameworkFor: ({ frameworkId, frameworkVersion }) => {
      try {
        return library.get(frameworkId, frameworkVersion);
      } catch {
        return undefined;
      }
    },
  });
  const files = attachmentFiles(options.dataDir);
  let shipped: Promise<ShippedTexts> | undefined;
  const attachments = readOnly ? { read: files.read, put: () => Promise.reject(readOnlySnapshotError()) } : files;
  const exchange = createExchange({
    dataDir: options.dataDir,
    store,
    attachments,
    appVersion: options.appVersion,
    now,
    newId: randomUUID,
    hasFramework: (id, version) => library.list().some((f) => f.id === id && f.version === version),
  });
  const handlers = createHandlers({
    store,
    attachments,
    library,
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    now,
    newId: randomUUID,
    exports: options.exports ?? {},
    exchange,
    settings: userSettingsStore(options.dataDir, { readOnly, now }),
    loadSample: () => loadSample(options.assessmentsDir),
    languagePacks: languagePackService({
      store: languagePackStore(options.dataDir, { readOnly, now }),
      shipped: () => (shipped ??= loadShippedTexts(library, options.assessmentsDir, options.docsDir ?? join(options.assessmentsDir, '..', 'docs'))),
      now,
      appVersion: options.appVersion,
    }),
  });
  return {
    handlers,
    dispatch: (name, payload) => dispatch(handlers, name, payload),
    close: () => store.close(),
    flush: () => store.flush(),
  };
}

