/** Error codes that cross the API. The UI maps each to a localized, actionable message. */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_COMMAND',
  'NOT_FOUND',
  'CONFLICT',
  'READ_ONLY',
  'STORE_LOCKED',
  'STORE_NEWER_VERSION',
  'DISK_FULL',
  'NO_PERMISSION',
  'DAMAGED_FILE',
  'INVALID_FRAMEWORK',
  'INVALID_BUNDLE',
  'TAMPERED',
  'CANNOT_DECRYPT',
  'UNTRUSTED_SIGNER',
  'KEY_CHANGED',
  'DIVERGED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** An expected failure raised inside core; handlers turn it into `{ ok: false, error }`. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof CoreError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
