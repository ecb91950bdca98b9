import type { ApiHandlers } from '../dispatch';
import { createEditor } from '../editing';
import { assessmentHandlers } from './assessments';
import { attachmentHandlers } from './attachments';
import { exchangeHandlers } from './exchange';
import { exportHandlers } from './exports';
import { frameworkMoveHandlers } from './framework-move';
import { languagePackHandlers } from './language-packs';
import { mergeHandlers } from './merge';
import { planHandlers } from './plan';
import { portfolioHandlers } from './portfolio';
import { readingHandlers } from './reading';
import { responseHandlers } from './responses';
import type { HandlerServices } from './services';
import { sampleHandlers } from './sample';
import { sessionHandlers } from './sessions';
import { settingsHandlers } from './settings';

export type { HandlerServices, ExportServices } from './services';

/** All command handlers over one set of services; every edit goes through one editor. */
export function createHandlers(services: HandlerServices): ApiHandlers {
  const ctx = { ...services, edit: createEditor(services.store, services.now) };
  return {
    ...readingHandlers(ctx),
    ...assessmentHandlers(ctx),
    ...responseHandlers(ctx),
    ...sessionHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...planHandlers(ctx),
    ...exportHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...frameworkMoveHandlers(ctx),
    ...mergeHandlers(ctx),
    ...settingsHandlers(ctx),
    ...portfolioHandlers(ctx),
    ...sampleHandlers(ctx),
    ...languagePackHandlers(ctx),
  };
}
