import { Low } from 'lowdb';
import { join, resolve } from 'node:path';
import { CoreError } from '../api/result';
import { assessmentSchema } from '../model/assessment';
import type { Assessment, AssessmentSummary } from '../model/assessment';
import { ensureFolderDurably } from './atomic-write.node.ts';
import { ASSESSMENTS_FOLDER, AssessmentGenerations, PRE_MIGRATION_FOLDER } from './assessment-generations.node.ts';
import { DurableJsonFile } from './durable-json-file.node.ts';
import { errnoCode, readOnlySnapshotError, storeIoError } from './errors';
import type { StoreFs } from './fs-port';
import { generationsNewestFirst, isTempFileName } from './generation-names';
import { STORE_INDEX_SCHEMA_VERSION, isAssessmentId, sameIndexEntry, storeIndexSchema, toIndexEntry } from './index-schema';
import type { IndexEntry, StoreIndex } from './index-schema';
import { KeyedQueue } from './keyed-queue';
import { acquireStoreLock } from './lock.node.ts';
import type { ProcessProbe, StoreLock } from './lock.node.ts';
import { nodeFs } from './node-fs.node.ts';
import type { StoreNotice } from './notices';
import { QUARANTINE_FOLDER, quarantineFile } from './quarantine.node.ts';

export const INDEX_FILE = 'index.json';
const BACKUPS_FOLDER = 'backups';
// Not a valid assessment id, so the index queue can share the per-assessment KeyedQueue.
const INDEX_QUEUE_KEY = ':index';

export interface OpenStoreOptions {
  dataDir: string;
  fs?: StoreFs;
  now?: () => Date;
  /** Generations kept per assessment; older ones are deleted after each save. */
  keepGenerations?: number;
  /** Written into the lock so that a refused second CCAT can say which version holds the folder. */
  appVersion?: string;
  probe?: ProcessProbe;
  /**
   * A snapshot for readers (the CLI's list and export) while another process may hold the
   * folder: no lock is taken and nothing is ever written, moved or deleted. Every file is
   * replaced atomically, so each one read is whole; damage is reported, not quarantined.
   */
  readOnly?: boolean;
}

export interface AssessmentStore {
  readonly dataDir: string;
  /** Every readable assessment; unreadable ones are left out and explained in `notices()`. */
  list(): Promise<AssessmentSummary[]>;
  get(id: string): Promise<Assessment>;
  create(assessment: Assessment): Promise<void>;
  /** Stores `assessment.revision` as the newest generation; the caller bumps the revision. */
  save(assessment: Assessment): Promise<void>;
  /** Everything the store did on its own since it was opened (quarantine, recovery, migration). */
  notices(): StoreNotice[];
  /** Waits for pending saves, then releases the data-root lock. */
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the data root: takes the lock, clears temp files left by a crash,
 * and reads the index, rebuilding it from the assessment folders when it is damaged.
 */
export async function openAssessmentStore(options: OpenStoreOptions): Promise<AssessmentStore> {
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());
  const dataDir = resolve(options.dataDir);
  const keepGenerations = options.keepGenerations ?? 5;
  if (options.readOnly === true) {
    const snapshot = new FileAssessmentStore(dataDir, fs, now, keepGenerations, undefined);
    await snapshot.open();
    return snapshot;
  }
  await ensureFolderDurably(fs, dataDir);
  // Before anything else: a refused open must not change a single file.
  const lock = await acquireStoreLock(dataDir, {
    fs,
    now,
    ...(options.appVersion === undefined ? {} : { appVersion: options.appVersion }),
    ...(options.probe === undefined ? {} : { probe: options.probe }),
  });
  try {
    const store = new FileAssessmentStore(dataDir, fs, now, keepGenerations, lock);
    await store.open();
    return store;
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
}

interface OpenDocument {
  db: Low<Assessment | null>;
}

class FileAssessmentStore implements AssessmentStore {
  /** What index.json on disk says; replaced only after a successful write. */
  private entries = new Map<string, IndexEntry>();
  private readonly indexDb: Low<StoreIndex>;
  /** Opened assessments as last committed to disk, so `get` does not re-read. */
  private readonly documents = new Map<string, OpenDocument>();
  /** Assessments that cannot be opened in this session (damaged, or from a newer CCAT). */
  private readonly failures = new Map<string, CoreError>();
  private readonly queue = new KeyedQueue();
  private readonly recorded: StoreNotice[] = [];
  private closed = false;

  constructor(
    readonly dataDir: string,
    private readonly fs: StoreFs,
    private readonly now: () => Date,
    private readonly keepGenerations: number,
    /** Undefined for a read-only snapshot, which writes nothing. */
    private readonly lock: StoreLock | undefined,
  ) {
    const adapter = new DurableJsonFile(join(dataDir, INDEX_FILE), storeIndexSchema, STORE_INDEX_SCHEMA_VERSION, fs);
    this.indexDb = new Low<StoreIndex>(adapter, emptyIndex());
  }

  private get readOnly(): boolean {
    return this.lock === undefined;
  }

  async open(): Promise<void> {
    if (this.readOnly) {
      const damagedIndex = await this.readIndex();
      if (damagedIndex !== undefined) this.record({ kind: 'damaged-left-in-place', file: INDEX_FILE, reason: damagedIndex, at: this.now().toISOString() });
      await this.adoptUnlistedFolders();
      return;
    }
    if (this.lock?.takenOver !== undefined) this.record(this.lock.takenOver);
    for (const folder of [ASSESSMENTS_FOLDER, QUARANTINE_FOLDER, BACKUPS_FOLDER]) {
      await ensureFolderDurably(this.fs, join(this.dataDir, folder));
    }
    await this.removeLeftoverTempFiles();
    const damagedIndex = await this.readIndex();
    const quarantinedAs = damagedIndex === undefined ? undefined : await quarantineFile(this.fs, this.dataDir, INDEX_FILE, 'store', this.now());
    const found = await this.adoptUnlistedFolders();
    if (damagedIndex !== undefined) {
      this.record({
        kind: 'quarantined',
        file: INDEX_FILE,
        ...(quarantinedAs === undefined ? {} : { quarantinedAs }),
        reason: `the list of assessments was damaged (${damagedIndex}); it was rebuilt from the ${found} assessment folder(s) found`,
        at: this.now().toISOString(),
      });
    }
    if (damagedIndex !== undefined || found > 0 || !(await this.exists(join(this.dataDir, INDEX_FILE)))) {
      await this.writeIndex(this.entries);
    }
  }

  /** Loads index.json into `entries`; for a damaged one, says why (the caller decides what to do with the file). */
  private async readIndex(): Promise<string | undefined> {
    try {
      await this.indexDb.read();
    } catch (error) {
      if (error instanceof CoreError && error.code === 'STORE_NEWER_VERSION') {
        throw new CoreError('STORE_NEWER_VERSION', 'This data folder was saved by a newer version of CCAT; update CCAT to open it.', error.details);
      }
      if (!(error instanceof CoreError && error.code === 'DAMAGED_FILE')) throw error;
      this.indexDb.data = emptyIndex();
      return (error.details as { reason?: string } | undefined)?.reason ?? error.message;
    }
    this.entries = new Map(this.indexDb.data.assessments.map((entry) => [entry.id, entry]));
    return undefined;
  }

  /**
   * Assessment folders missing from the index: all of them after the index was rebuilt, or one
   * whose first save finished before a crash stopped the index update. Returns how many were added.
   */
  private async adoptUnlistedFolders(): Promise<number> {
    let added = 0;
    for (const name of await this.readdirOrEmpty(join(this.dataDir, ASSESSMENTS_FOLDER))) {
      if (!isAssessmentId(name) || this.entries.has(name)) continue;
      // A folder whose first save never completed holds nothing to adopt; it is not damage.
      const folder = join(this.dataDir, ASSESSMENTS_FOLDER, name);
      // An unreadable folder is not skipped: loading it sets it aside with a notice.
      const names = await this.fs.readdir(folder).catch(() => undefined);
      if (names !== undefined && generationsNewestFirst(names).length === 0) continue;
      let doc: Assessment;
      try {
        doc = await this.load(name);
      } catch (error) {
        // Explained by a notice; its files stay where they are.
        if (isUnreadable(error)) continue;
        throw error;
      }
      this.entries.set(doc.id, toIndexEntry(doc));
      added++;
    }
    return added;
  }

  async list(): Promise<AssessmentSummary[]> {
    this.assertOpen();
    const ids = new Set([...this.entries.keys(), ...this.committedIds()]);
    const summaries = await Promise.all(
      [...ids].map(async (id) => {
        try {
          return summaryOf(await this.current(id));
        } catch (error) {
          if (isUnreadable(error)) return undefined;
          throw error;
        }
      }),
    );
    return summaries.filter((summary) => summary !== undefined);
  }

  async get(id: string): Promise<Assessment> {
    this.assertOpen();
    const failure = this.failures.get(id);
    if (failure !== undefined) throw failure;
    if (!this.known(id)) throw new CoreError('NOT_FOUND', `There is no assessment with id "${id}".`, { id });
    return structuredClone(await this.current(id));
  }

  async create(assessment: Assessment): Promise<void> {
    this.assertWritable();
    const doc = validated(assessment);
    await this.queue.run(doc.id, async () => {
      if (this.entries.has(doc.id) || this.failures.has(doc.id)) {
        throw new CoreError('CONFLICT', `An assessment with id "${doc.id}" already exists.`, { id: doc.id });
      }
      await this.commit(doc);
    });
  }

  async save(assessment: Assessment): Promise<void> {
    this.assertWritable();
    const doc = validated(assessment);
    await this.queue.run(doc.id, async () => {
      const failure = this.failures.get(doc.id);
      if (failure !== undefined) throw failure;
      if (!this.known(doc.id)) throw new CoreError('NOT_FOUND', `There is no assessment with id "${doc.id}".`, { id: doc.id });
      // Loaded first so the revision check sees the disk and a pending migration backup is known.
      await this.load(doc.id);
      await this.commit(doc);
    });
  }

  notices(): StoreNotice[] {
    return [...this.recorded];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.drain();
    await this.lock?.release();
  }

  /** Writes the generation, then the index only if a listed field changed. Runs inside the assessment's queue. */
  private async commit(doc: Assessment): Promise<void> {
    const open = this.documentFor(doc.id);
    const previous = open.db.data;
    if (previous !== null && doc.revision < previous.revision) {
      throw new CoreError(
        'CONFLICT',
        `This assessment was saved meanwhile with a newer revision (${previous.revision}) than the one being saved (${doc.revision}). Reopen it to see the latest changes.`,
        { id: doc.id, saved: previous.revision, attempted: doc.revision },
      );
    }
    open.db.data = doc;
    try {
      await open.db.write();
    } catch (error) {
      open.db.data = previous;
      throw error;
    }
    await this.updateIndexEntry(toIndexEntry(doc));
  }

  /**
   * Listed in the index, or saved in this session although the index update failed (disk
   * full): its data is on disk, so it must not look lost until the next restart adopts it.
   */
  private known(id: string): boolean {
    return this.entries.has(id) || (this.documents.get(id)?.db.data ?? null) !== null;
  }

  private committedIds(): string[] {
    return [...this.documents].filter(([, open]) => open.db.data !== null).map(([id]) => id);
  }

  /** The committed document, reading it from disk the first time. */
  private current(id: string): Promise<Assessment> {
    const cached = this.documents.get(id)?.db.data;
    if (cached !== undefined && cached !== null) return Promise.resolve(cached);
    return this.queue.run(id, () => this.load(id));
  }

  /** Reads the newest readable generation once per session; unreadable results are remembered. */
  private async load(id: string): Promise<Assessment> {
    const failure = this.failures.get(id);
    if (failure !== undefined) throw failure;
    const open = this.documentFor(id);
    if (open.db.data !== null) return open.db.data;
    try {
      await open.db.read();
    } catch (error) {
      const failure = isUnreadable(error) ? (error as CoreError) : this.setAside(id, error);
      this.failures.set(id, failure);
      throw failure;
    }
    const doc = open.db.data;
    if (doc === null) {
      const error = new CoreError(
        'DAMAGED_FILE',
        `No saved version of assessment "${id}" was found in ${join(this.dataDir, ASSESSMENTS_FOLDER, id)}. Damaged versions, if any, are in ${join(this.dataDir, QUARANTINE_FOLDER)}.`,
        { id },
      );
      this.failures.set(id, error);
      throw error;
    }
    // An index update lost in a crash is repaired here; if it fails again the next save retries it.
    if (this.entries.has(id) && !this.readOnly) await this.updateIndexEntry(toIndexEntry(doc)).catch(() => undefined);
    return doc;
  }

  private documentFor(id: string): OpenDocument {
    let open = this.documents.get(id);
    if (open === undefined) {
      const adapter = new AssessmentGenerations({
        dataDir: this.dataDir,
        id,
        fs: this.fs,
        keepGenerations: this.keepGenerations,
        now: this.now,
        report: (notice) => this.record(notice),
        readOnly: this.readOnly,
      });
      open = { db: new Low<Assessment | null>(adapter, null) };
      this.documents.set(id, open);
    }
    return open;
  }

  /** Rewrites index.json only when the entry differs, so a save costs the same with 1 or 1,000 assessments. */
  private async updateIndexEntry(entry: IndexEntry): Promise<void> {
    const current = this.entries.get(entry.id);
    if (current !== undefined && sameIndexEntry(current, entry)) return;
    await this.queue.run(INDEX_QUEUE_KEY, async () => {
      const next = new Map(this.entries);
      next.set(entry.id, entry);
      await this.writeIndex(next);
    });
  }

  private async writeIndex(entries: Map<string, IndexEntry>): Promise<void> {
    this.indexDb.data = { schemaVersion: STORE_INDEX_SCHEMA_VERSION, assessments: [...entries.values()] };
    await this.indexDb.write();
    this.entries = entries;
  }

  /** Temp files are only ever half-written saves whose rename never happened. */
  private async removeLeftoverTempFiles(): Promise<void> {
    const assessments = join(this.dataDir, ASSESSMENTS_FOLDER);
    const folders = [
      this.dataDir,
      assessments,
      join(this.dataDir, QUARANTINE_FOLDER),
      join(this.dataDir, BACKUPS_FOLDER),
      join(this.dataDir, PRE_MIGRATION_FOLDER),
    ];
    for (const name of await this.readdirOrEmpty(assessments)) {
      if (isAssessmentId(name)) folders.push(join(assessments, name));
    }
    for (const folder of folders) {
      // A folder that cannot be listed is reported when its assessment is loaded.
      const names = folder === this.dataDir ? await this.readdirOrEmpty(folder) : await this.readdirOrEmpty(folder).catch(() => []);
      for (const name of names) {
        if (!isTempFileName(name)) continue;
        try {
          await this.fs.unlink(join(folder, name));
        } catch (error) {
          if (errnoCode(error) !== 'ENOENT') throw storeIoError(error, { operation: 'write', file: join(folder, name), folder });
        }
      }
    }
  }

  private async readdirOrEmpty(folder: string): Promise<string[]> {
    try {
      return await this.fs.readdir(folder);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw storeIoError(error, { operation: 'read', file: folder, folder });
    }
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await this.fs.stat(path);
      return true;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return false;
      throw storeIoError(error, { operation: 'read', file: path, folder: this.dataDir });
    }
  }

  /**
   * An assessment whose folder cannot be read at all (not a folder, no permission, an I/O
   * error) is left where it is and reported, so that it does not hide every other assessment.
   */
  private setAside(id: string, error: unknown): CoreError {
    const file = `${ASSESSMENTS_FOLDER}/${id}`;
    const cause = error instanceof Error ? error.message : String(error);
    this.record({ kind: 'set-aside', file, assessmentId: id, reason: `its folder cannot be read: ${cause}`, at: this.now().toISOString() });
    return new CoreError(
      'DAMAGED_FILE',
      `The assessment "${id}" cannot be opened: its folder ${join(this.dataDir, file)} cannot be read (${cause}). Nothing in it was changed; the other assessments are not affected.`,
      { id, file },
    );
  }

  private record(notice: StoreNotice): void {
    this.recorded.push(notice);
  }

  private assertOpen(): void {
    if (this.closed) throw new CoreError('INTERNAL', 'The assessment store is closed.');
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnly) throw readOnlySnapshotError();
  }
}

function emptyIndex(): StoreIndex {
  return { schemaVersion: STORE_INDEX_SCHEMA_VERSION, assessments: [] };
}

/** Damaged or from a newer CCAT: a notice says why; other errors (permissions, disk) are passed on. */
function isUnreadable(error: unknown): boolean {
  return error instanceof CoreError && (error.code === 'DAMAGED_FILE' || error.code === 'STORE_NEWER_VERSION');
}

/** Parsed (and so copied): later changes by the caller cannot reach the cache. */
function validated(assessment: Assessment): Assessment {
  const parsed = assessmentSchema.safeParse(assessment);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`)
    .join('; ');
  throw new CoreError('INVALID_INPUT', `The assessment was not saved because it is not valid: ${problems}`, { issues: parsed.error.issues });
}

function summaryOf(doc: Assessment): AssessmentSummary {
  return { ...toIndexEntry(doc), revision: doc.revision, updatedAt: doc.updatedAt };
}
