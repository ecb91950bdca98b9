import type { UiLanguage } from '../../../locales/languages';
import type { PackStatus } from './types';

/** What a pack file says about itself besides its units. */
export interface PackMetadata {
  language: UiLanguage;
  status: PackStatus;
  /** One line for the translator: which CCAT made the file, when, and how to fill it in. */
  about: string;
}

/** A file that cannot be read as a pack at all (not XML, not XLIFF 2.0, not a CCAT workbook). */
export class UnreadablePack extends Error {}
