import type { FrameworkLibrary } from '../../framework/library';
import type { AttachmentFiles } from '../../store/attachment-files';
import type { Edit } from '../editing';
import type { AssessmentRepository } from '../repository';

/** Platform services a shell may provide for exports (design §2: injected, not imported). */
export interface ExportServices {
  printPdf?: (html: string) => Promise<Uint8Array>;
  rasterize?: (svg: string) => Promise<Uint8Array>;
}

export interface HandlerServices {
  store: AssessmentRepository;
  attachments: AttachmentFiles;
  library: FrameworkLibrary;
  dataDir: string;
  appVersion: string;
  now: () => Date;
  newId: () => string;
  exports: ExportServices;
}

export interface HandlerContext extends HandlerServices {
  edit: Edit;
}
