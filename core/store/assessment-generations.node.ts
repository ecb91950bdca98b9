import type { Adapter } from 'lowdb';
import { join } from 'node:path';
import { CoreError } from '../api/result';
import type { Assessment, HistoryEntry } from '../model/assessment';
import { ensureFolderDurably, writeFileDurably } from './atomic-write.node.ts';
import { decodeDocument, encodeDocument } from './document-codec';
import { errnoCode, storeIoError } from './errors';
import type { StoreFs } from './fs-port';
import { fileTimestamp, generationFileName, generationsNewestFirst } from './generation-names';
import { HISTORY_LOG_FILE, appendDurably, decodeHistoryLog, encodeHistoryLines } from './history-log.node.ts';
import { STORED_DOCUMENT_VERSION, fromStoredGeneration, migrateGeneration, storedGenerationSchema, toStoredGeneration } from './stored-document';
import type { StoredGeneration } from './stored-document';
import type { StoreNotice } from './notices';
import { QUARANTINE_FOLDER, quarantineFile } from './quarantine.node.ts';

export const ASSESSMENTS_FOLDER = 'assessments';
export const PRE_MIGRATION_FOLDER = 'backups/pre-migration';

export interface GenerationsOptions {
  dataDir: string;
  id: string;
  fs: StoreFs;
  /** How many of the newest generations survive a save. */
  keepGenerations: number;
  now: () => Date;
  report: (notice: StoreNotice) => void;
  /** Damage is reported and skipped, never moved: another process may own the folder. */
  readOnly?: boolean;
}

interface PendingBackup {
  revision: number;
  version: number;
  bytes: Uint8Array;
}

export function newerVersionError(id: string, file: string, schemaVersion?: number): CoreError {
  return new CoreError('STORE_NEWER_VERSION', 'This assessment was saved by a newer version of CCAT; update CCAT to open it.', {
    id,
    file,
    schemaVersion,
  });
}

/** What is known of the history log on disk. */
interface LogState {
  exists: boolean;
  /**
   * Entries durably in the log for the newest generation, so a save appends only what is new;
   * undefined when the log must be written whole (after migrating an old file, or damage).
   */
  logged: number | undefined;
  /** The log failed to read back the entries a generation claims: moved aside before it is rewritten. */
  damaged: boolean;
}

/**
 * lowdb adapter for one assessment, kept as a folder of generations `r<revision>.json` and a
 * history log. A save appends the new history entries to the log, then adds a generation and
 * never rewrites the previous one, so a bad write can always fall back to the save before it.
 * `read` resolves null only when the folder holds no generation at all.
 */
export class AssessmentGenerations implements Adapter<Assessment | null> {
  private pendingBackup: PendingBackup | undefined;
  private log: LogState = { exists: false, logged: undefined, damaged: false };
  /** The log's bytes, read once per `read` however many generations are tried. */
  private logBytes: Uint8Array | null | undefined;

  constructor(private readonly options: GenerationsOptions) {}

  get folder(): string {
    return join(this.options.dataDir, ASSESSMENTS_FOLDER, this.options.id);
  }

  private relative(name: string): string {
    return `${ASSESSMENTS_FOLDER}/${this.options.id}/${name}`;
  }

  private async names(): Promise<string[]> {
    try {
      return await this.options.fs.readdir(this.folder);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw storeIoError(error, { operation: 'read', file: this.folder, folder: this.folder });
    }
  }

  /** Newest generation that reads and validates; damaged newer ones are quarantined on the way. */
  async read(): Promise<Assessment | null> {
    // A reader without the lock may list the folder just before the writer prunes what it
    // listed; the newer generations are then there to be found on a second look.
    this.logBytes = undefined;
    for (let attempt = 1; ; attempt++) {
      const found = await this.readOnce();
      if (found !== 'vanished' || attempt === 3) return found === 'vanished' ? null : found;
    }
  }

  private async readOnce(): Promise<Assessment | null | 'vanished'> {
    const { fs, id, now, report } = this.options;
    const generations = generationsNewestFirst(await this.names());
    if (generations.length === 0) return null;
    const quarantined: string[] = [];
    for (const generation of generations) {
      const file = this.relative(generation.name);
      let bytes: Uint8Array;
      try {
        bytes = await fs.readFile(join(this.folder, generation.name));
      } catch (error) {
        const code = errnoCode(error);
        if (code === 'ENOENT') continue;
        // A folder or unreadable entry under a generation's name: set aside like damage, so
        // that neither this assessment's older saves nor the other assessments are hidden by it.
        await this.quarantine(file, `the entry cannot be read as a file (${code ?? String(error)})`);
        quarantined.push(file);
        continue;
      }
      const decoded = decodeDocument(bytes, storedGenerationSchema, { currentVersion: STORED_DOCUMENT_VERSION, migrate: migrateGeneration });
      if (decoded.kind === 'newer') {
        // Left exactly where it is: the newer CCAT that wrote it can still open it.
        report({
          kind: 'unreadable-newer-version',
          file,
          assessmentId: id,
          reason: `saved in format version ${decoded.version}; this CCAT reads up to version ${STORED_DOCUMENT_VERSION}. Update CCAT to open it.`,
          at: now().toISOString(),
        });
        throw newerVersionError(id, file, decoded.version);
      }
      if (decoded.kind === 'ok') {
        const mismatch = this.mismatch(decoded.value, generation.revision);
        if (mismatch === undefined) {
          this.accepted(file, generation.revision, quarantined);
          if (decoded.migratedFrom !== undefined) {
            this.pendingBackup = { revision: generation.revision, version: decoded.migratedFrom, bytes };
          }
          return fromStoredGeneration(decoded.value, await this.historyOf(decoded.value, file));
        }
        await this.quarantine(file, mismatch);
      } else {
        await this.quarantine(file, decoded.reason);
      }
      quarantined.push(file);
    }
    // Every listed file vanished while reading: nothing was damaged.
    if (quarantined.length === 0) return 'vanished';
    const quarantineFolder = join(this.options.dataDir, QUARANTINE_FOLDER);
    const where = this.options.readOnly === true ? 'They were left in place' : `The damaged files were moved to ${quarantineFolder}`;
    throw new CoreError(
      'DAMAGED_FILE',
      `The assessment file ${quarantined.join(', ')} is damaged and no earlier saved version could be read. ${where}; nothing was deleted.`,
      { id, files: quarantined, quarantine: quarantineFolder },
    );
  }

  /** The generation's history: carried inside a file from before version 4, else the log's first `historyCount` entries. */
  private async historyOf(stored: StoredGeneration, file: string): Promise<HistoryEntry[]> {
    if (stored.legacyHistory !== undefined) {
      this.log = { exists: (await this.readLog()) !== null, logged: undefined, damaged: false };
      return stored.legacyHistory;
    }
    // No entries to read: the log is not even opened (its first append then also syncs the folder).
    if (stored.historyCount === 0) {
      this.log = { exists: false, logged: 0, damaged: false };
      return [];
    }
    const bytes = await this.readLog();
    const decoded = decodeHistoryLog(bytes ?? new Uint8Array(), stored.historyCount);
    if (decoded.complete) {
      this.log = { exists: bytes !== null, logged: stored.historyCount, damaged: false };
      return decoded.entries;
    }
    // Lines the generation counts on are missing or damaged: keep what reads, tell the user,
    // and write the log whole at the next save (after moving the damaged one aside).
    const kept = decoded.entries;
    this.log = { exists: bytes !== null, logged: undefined, damaged: bytes !== null };
    this.options.report({
      kind: 'history-damaged',
      file: this.relative(HISTORY_LOG_FILE),
      assessmentId: this.options.id,
      reason: `${file} counts ${stored.historyCount} history entries, but only the first ${kept.length} could be read from the change log`,
      at: this.options.now().toISOString(),
    });
    return kept;
  }

  private async readLog(): Promise<Uint8Array | null> {
    if (this.logBytes !== undefined) return this.logBytes;
    const path = join(this.folder, HISTORY_LOG_FILE);
    try {
      this.logBytes = await this.options.fs.readFile(path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw storeIoError(error, { operation: 'read', file: path, folder: this.folder });
      this.logBytes = null;
    }
    return this.logBytes;
  }

  private async quarantine(file: string, reason: string): Promise<void> {
    const { fs, dataDir, id, now, report } = this.options;
    const at = now();
    if (this.options.readOnly === true) {
      report({ kind: 'damaged-left-in-place', file, assessmentId: id, reason, at: at.toISOString() });
      return;
    }
    const quarantinedAs = await quarantineFile(fs, dataDir, file, id, at);
    report({ kind: 'quarantined', file, quarantinedAs, assessmentId: id, reason, at: at.toISOString() });
  }

  private accepted(file: string, revision: number, quarantined: readonly string[]): void {
    if (quarantined.length === 0) return;
    this.options.report({
      kind: 'recovered-older-generation',
      file,
      assessmentId: this.options.id,
      reason: `the newer saved version(s) ${quarantined.join(', ')} could not be read, so revision ${revision} was opened; the damaged files are in the ${QUARANTINE_FOLDER} folder`,
      at: this.options.now().toISOString(),
    });
  }

  private mismatch(doc: StoredGeneration, revision: number): string | undefined {
    if (doc.id !== this.options.id) return `the file belongs to assessment "${doc.id}", not "${this.options.id}"`;
    if (doc.revision !== revision) return `the file holds revision ${doc.revision}, but its name says ${revision}`;
    return undefined;
  }

  /**
   * Adds generation `doc.revision`, then prunes to the newest `keepGenerations`. `null` is the
   * "nothing loaded yet" default of the lowdb instance and is never written.
   */
  async write(doc: Assessment | null): Promise<void> {
    if (doc === null) return;
    const { fs } = this.options;
    await ensureFolderDurably(fs, this.folder);
    if (this.pendingBackup !== undefined) {
      await this.backUpOriginal(this.pendingBackup);
      this.pendingBackup = undefined;
    }
    // The log the generation counts entries of is flushed while the generation is; it is renamed into place only once both are on the disk.
    await writeFileDurably(join(this.folder, generationFileName(doc.revision)), encodeDocument(toStoredGeneration(doc)), fs, {
      durableFirst: () => this.writeHistory(doc.history),
    });
    this.log = { exists: true, logged: doc.history.length, damaged: false };
    // The new generation is already safe; an old one left behind is harmless and goes next save.
    await this.prune().catch(() => undefined);
  }

  /**
   * Durable before the generation that counts them: appends the entries the log does not hold yet, or
   * writes the log whole when it must be (atomically, so the old log stays until the new is safe).
   */
  private async writeHistory(history: readonly HistoryEntry[]): Promise<void> {
    const { fs, dataDir, id, now, report } = this.options;
    const { logged, exists, damaged } = this.log;
    if (logged === undefined) {
      // Nothing to log and no log to replace: a generation counting 0 entries needs no file.
      if (history.length === 0 && !exists) return;
      if (damaged) {
        const file = this.relative(HISTORY_LOG_FILE);
        const at = now();
        const quarantinedAs = await quarantineFile(fs, dataDir, file, id, at);
        report({ kind: 'quarantined', file, quarantinedAs, assessmentId: id, reason: 'the change log was damaged; it is written again from the entries that could be read', at: at.toISOString() });
        this.log = { exists: false, logged: undefined, damaged: false };
      }
      await writeFileDurably(join(this.folder, HISTORY_LOG_FILE), encodeHistoryLines(history, 0), fs);
      return;
    }
    if (history.length > logged) await appendDurably(fs, this.folder, encodeHistoryLines(history.slice(logged), logged), !exists);
  }

  /**
   * Pruning would eventually delete the last file in the old format, so it is copied aside
   * before the first save in the new one.
   */
  private async backUpOriginal(pending: PendingBackup): Promise<void> {
    const { fs, dataDir, id, now, report } = this.options;
    const folder = join(dataDir, PRE_MIGRATION_FOLDER);
    await ensureFolderDurably(fs, folder);
    const { name, alreadyThere } = await this.backupName(folder, `${id}-r${pending.revision}-v${pending.version}`, pending.bytes);
    if (!alreadyThere) await writeFileDurably(join(folder, name), pending.bytes, fs);
    const backup = `${PRE_MIGRATION_FOLDER}/${name}`;
    report({
      kind: 'migrated',
      file: this.relative(generationFileName(pending.revision)),
      assessmentId: id,
      reason: `upgraded from format version ${pending.version} to ${STORED_DOCUMENT_VERSION}; the original was kept as ${backup}`,
      at: now().toISOString(),
    });
  }

  /**
   * A backup name that replaces nothing. An identical backup may already be there when an
   * earlier save was interrupted after the backup; a different one is never overwritten.
   */
  private async backupName(folder: string, stem: string, bytes: Uint8Array): Promise<{ name: string; alreadyThere: boolean }> {
    const candidates = [`${stem}.json`, `${stem}-${fileTimestamp(this.options.now())}.json`];
    for (const name of candidates) {
      let existing: Uint8Array;
      try {
        existing = await this.options.fs.readFile(join(folder, name));
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return { name, alreadyThere: false };
        throw storeIoError(error, { operation: 'read', file: join(folder, name), folder });
      }
      if (sameBytes(existing, bytes)) return { name, alreadyThere: true };
    }
    throw new CoreError('INTERNAL', `Could not find a free backup name for ${stem} in ${folder}.`);
  }

  private async prune(): Promise<void> {
    const keep = Math.max(1, this.options.keepGenerations);
    const old = generationsNewestFirst(await this.names()).slice(keep);
    for (const generation of old) await this.options.fs.unlink(join(this.folder, generation.name));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
