import { CoreError } from '../api/result';

/** The `code` of a Node system error ("ENOENT", "ENOSPC", ...), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export interface IoContext {
  operation: 'read' | 'write';
  /** The file the store was working on, as shown to the user. */
  file: string;
  /** Its folder, named in permission errors because that is what the user has to fix. */
  folder: string;
}

/**
 * Turns a file-system failure into an error the UI can show as is. Messages promise that
 * in-memory work is kept because the shells keep it and retry (design §5).
 */
export function storeIoError(error: unknown, context: IoContext): CoreError {
  if (error instanceof CoreError) return error;
  const code = errnoCode(error);
  const details = { code, file: context.file, cause: error instanceof Error ? error.message : String(error) };
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new CoreError(
      'DISK_FULL',
      `The disk is full: CCAT could not save ${context.file}. Free some space; your changes are kept in the app and will be saved again.`,
      details,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    const verb = context.operation === 'write' ? 'write to' : 'read from';
    return new CoreError(
      'NO_PERMISSION',
      `CCAT is not allowed to ${verb} the folder ${context.folder}. Check that the folder is not read-only and that your account may change it; your changes are kept in the app and will be saved again.`,
      details,
    );
  }
  const verb = context.operation === 'write' ? 'save' : 'read';
  return new CoreError('INTERNAL', `CCAT could not ${verb} ${context.file}: ${details.cause}`, details);
}

/** Any attempt to save through a read-only snapshot of the data folder. */
export function readOnlySnapshotError(): CoreError {
  return new CoreError('READ_ONLY', 'This data folder was opened read-only, to list or export while another CCAT may be using it; nothing can be saved through it.');
}
