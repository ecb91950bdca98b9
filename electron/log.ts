import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * The support log: what a field team can send when something goes wrong on an offline laptop.
 * It records what happened to the app (start, crashes, failed commands by name and error code),
 * never what the user typed: no assessment text, no error messages (they can quote input), no
 * names, and no path under the user's home folder (which carries the account name).
 */

export interface LogOptions {
  /** Folder of the log files: <userData>/logs. */
  dir: string;
  /** The user's home folder, replaced by "~" wherever it would appear. */
  home: string;
  /** A file reaching this size is rotated; the newest `keep` rotated files are kept. */
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
}

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface SupportLog {
  /** One line: the event name and fields, each scrubbed of home paths. */
  event(name: string, fields?: LogFields): void;
  /** An error by kind, code and stack frames; its message is left out. */
  error(name: string, error: unknown): void;
  /** All kept files, oldest first, as one text. */
  read(): string;
}

const LOG_FILE = 'ccat.log';

/** Replaces the home folder and any other user profile folder in `text` by "~". */
export function scrubPaths(text: string, home: string): string {
  let out = text;
  if (home.length > 1) {
    for (const form of new Set([home, home.replaceAll('\\', '/'), home.replaceAll('/', '\\')])) {
      out = out.replace(new RegExp(form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '~');
    }
  }
  // Another account's folder, or the same one spelt another way (a short 8.3 name on Windows).
  return out.replace(/(^|[\s("'=:])(?:[A-Za-z]:)?[\\/](?:Users|home|Documents and Settings)[\\/][^\\/\s"')]+/gi, '$1~');
}

/** What is safe to keep of an error: its class, its code, and where it happened. */
export function describeError(error: unknown, home: string): LogFields {
  if (!(error instanceof Error)) return { kind: typeof error };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s*at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim());
  return { kind: error.name, code, stack: frames.length > 0 ? scrubPaths(frames.join(' | '), home) : undefined };
}

export function createSupportLog({ dir, home, maxBytes = 512 * 1024, keep = 3, now = () => new Date() }: LogOptions): SupportLog {
  const file = path.join(dir, LOG_FILE);
  const rotated = (n: number) => path.join(dir, `ccat.${n}.log`);
  const rotate = () => {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      try {
        renameSync(rotated(n), rotated(n + 1));
      } catch {
        // not there yet
      }
    }
    renameSync(file, rotated(1));
  };
  const write = (line: string) => {
    try {
      mkdirSync(dir, { recursive: true });
      const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line);
    } catch {
      // A log that cannot be written (full or read-only disk) must never stop the app.
    }
  };
  const format = (name: string, fields: LogFields) => {
    const parts = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${JSON.stringify(scrubPaths(String(value), home))}`);
    return `${now().toISOString()} ${scrubPaths(name, home)}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}\n`;
  };
  return {
    event: (name, fields = {}) => write(format(name, fields)),
    error: (name, error) => write(format(name, describeError(error, home))),
    read: () =>
      [...Array.from({ length: keep }, (_, i) => rotated(keep - i)), file]
        .map((f) => {
          try {
            return readFileSync(f, 'utf8');
          } catch {
            return '';
          }
        })
        .join(''),
  };
}
