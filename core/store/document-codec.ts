import type { z } from 'zod';

export type Decoded<T> =
  | { kind: 'ok'; value: T; migratedFrom?: number }
  | { kind: 'damaged'; reason: string }
  | { kind: 'newer'; version: number };

export interface DecodeOptions {
  /** The schemaVersion this build writes; a larger one means "written by a newer CCAT". */
  currentVersion: number;
  /** Brings an older document up to `currentVersion`; throws when it cannot. */
  migrate?: (doc: unknown) => unknown;
}

// fatal: bytes that are not UTF-8 are damage, not text to repair with U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Classifies stored bytes. A document from a newer CCAT is kept apart from damage because the
 * store must leave it untouched rather than quarantine it.
 */
export function decodeDocument<T>(bytes: Uint8Array, schema: z.ZodType<T>, options: DecodeOptions): Decoded<T> {
  if (bytes.length === 0) return { kind: 'damaged', reason: 'the file is empty' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'damaged', reason: 'the file is not UTF-8 text' };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'damaged', reason: `the file is not valid JSON, it may be cut off (${detail})` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { kind: 'damaged', reason: `the file holds ${describeValue(doc)} instead of a document` };
  }
  const version = (doc as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > options.currentVersion) return { kind: 'newer', version };

  let migratedFrom: number | undefined;
  if (typeof version === 'number' && version < options.currentVersion && options.migrate !== undefined) {
    try {
      doc = options.migrate(doc);
      migratedFrom = version;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { kind: 'damaged', reason: `the file could not be upgraded from version ${version}: ${detail}` };
    }
  }
  const parsed = schema.safeParse(doc);
  if (!parsed.success) return { kind: 'damaged', reason: `the file does not match the expected format: ${describeIssues(parsed.error)}` };
  return migratedFrom === undefined ? { kind: 'ok', value: parsed.data } : { kind: 'ok', value: parsed.data, migratedFrom };
}

/** Pretty-printed so a person can still read a file with a text editor in the field. */
export function encodeDocument(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ');
}
