import type { CommandResults } from '../core/api/commands';
import { request } from './api';
import { rememberContentLanguages, storedContentLanguages } from './frameworks';

type Opened = CommandResults['openAssessment'];

const started = new Map<string, Promise<Opened>>();

/** Asks for the assessment the address names while the app's code is still loading. */
export function startOpening(id: string): void {
  const opening = openWithContent(id);
  // Unhandled until the screen takes it; the screen reports a failure itself.
  opening.catch(() => undefined);
  started.set(id, opening);
}

/** The answer startOpening asked for, taken once (a later open reads the store again), else a new request. */
export function openAssessment(id: string): Promise<Opened> {
  const opening = started.get(id);
  started.delete(id);
  return opening ?? openWithContent(id);
}

/** The assessment with its framework's content in the languages the screen will show, not all eight. */
function openWithContent(id: string): Promise<Opened> {
  const languages = storedContentLanguages();
  return request('openAssessment', { id, languages }).then((opened) => {
    rememberContentLanguages(opened.framework, languages);
    return opened;
  });
}
