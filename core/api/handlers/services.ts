import type { ExchangeServices } from '../../bundle/types';
import type { FrameworkLibrary } from '../../framework/library';
import type { AttachmentFiles } from '../../store/attachment-files';
import type { UserSettingsStore } from '../../model/user-settings';
import type { Edit } from '../editing';
import type { AssessmentRepository } from '../repository';
import type { ExportServices } from '../../report/services';
import type { Assessment } from '../../model/assessment';
import type { LanguagePackService } from '../../i18n/language-pack/language-packs';

export type { ExportServices };

export interface HandlerServices {
  store: AssessmentRepository;
  attachments: AttachmentFiles;
  library: FrameworkLibrary;
  dataDir: string;
  appVersion: string;
  now: () => Date;
  newId: () => string;
  exports: ExportServices;
  /** .ccat export, import and trust; Node-only, so the shell's core wires it in. */
  exchange: ExchangeServices;
  /** The data folder's user settings, e.g. who enters data. */
  settings: UserSettingsStore;
  /** The bundled sample assessment (assessments/samples/), read from disk by the shell's core. */
  loadSample: () => Promise<Assessment>;
  /** Installed language packs over the shipped texts (core/i18n/language-pack). */
  languagePacks: LanguagePackService;
}

export interface HandlerContext extends HandlerServices {
  edit: Edit;
}
