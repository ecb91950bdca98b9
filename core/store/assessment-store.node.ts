import { Low } from 'lowdb';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { CoreError } from '../api/result';
import { assessmentSchema, historyEntry } from '../model/assessment';
import type { Assessment, HistoryEntry } from '../model/assessment';
import type { EditableAssessment } from '../api/repository';
import type { Catalogue } from '../model/catalogue';
import { importSigner } from '../portfolio/facts';
import { ensureFolderDurably, syncDirectory } from './atomic-write.node.ts';
import { ASSESSMENTS_FOLDER, AssessmentGenerations, PRE_MIGRATION_FOLDER } from './assessment-generations.node.ts';
import { ATTACHMENTS_FOLDER } from './attachments.node.ts';
import { DurableJsonFile } from './durable-json-file.node.ts';
import { errnoCode, readOnlySnapshotError, storeIoError } from './errors';
import type { StoreFs } from './fs-port';
import { generationsNewestFirst, isTempFileName } from './generation-names';
import { STORE_INDEX_SCHEMA_VERSION, isAssessmentId, storeIndexSchema, toIndexEntry, upgradeIndex } from './index-schema';
import type { FrameworkLookup, IndexEntry, StoreIndex } from './index-schema';
import { KeyedQueue } from './keyed-queue';
import { acquireStoreLock } from './lock.node.ts';
import type { ProcessProbe, StoreLock } from './lock.node.ts';
import { nodeFs } from './node-fs.node.ts';
import type { StoreNotice } from './notices';
import { QUARANTINE_FOLDER, quarantineFile } from './quarantine.node.ts';
import { SHELF_FILE, SHELF_SCHEMA_VERSION, emptyShelf, shelfFileSchema, type ShelfFile } from './shelf-schema';
import type { ShelfState } from '../portfolio/types';

export const INDEX_FILE = 'index.json';
const BACKUPS_FOLDER = 'backups';
// Not a valid assessment id, so the index queue can share the per-assessment KeyedQueue.
const INDEX_QUEUE_KEY = ':index';
const SHELF_QUEUE_KEY = ':shelf';
/**
 * index.json is a summary the documents can always rebuild, so it is written after saves in
 * the background, at most this often: a save then costs the same with 1,000 assessments as with 1.
 */
const INDEX_WRITE_DELAY_MS = 1000;

export interface OpenStoreOptions {
  dataDir: string;
  fs?: StoreFs;
  now?: () => Date;
  /** Generations kept per assessment; older ones are deleted after each save. */
  keepGenerations?: number;
  /** Written into the lock so that a refused second CCAT can say which version holds the folder. */
  appVersion?: string;
  probe?: ProcessProbe;
  /** See LockOptions.settleMs. */
  lockSettleMs?: number;
  /**
   * A snapshot for readers (the CLI's list and export) while another process may hold the
   * folder: no lock is taken and nothing is ever written, moved or deleted. Every file is
   * replaced atomically, so each one read is whole; damage is reported, not quarantined.
   */
  readOnly?: boolean;
  /** Scores and coverage in the list need the assessment's framework; without it they are null. */
  frameworkFor?: FrameworkLookup;
  /**
   * The support catalogue: with it the index keeps each plan's value for its effort (country selection).
   * Asked for only when an index entry is made, so that the caller can load it then.
   */
  catalogue?: () => Catalogue | undefined;
  /** Opened assessments kept in memory; the others are read again when asked for. */
  cachedDocuments?: number;
}

export interface AssessmentStore {
  readonly dataDir: string;
  /** Every assessment in the index, without opening one; unreadable ones are left out and explained in `notices()`. */
  list(): Promise<IndexEntry[]>;
  get(id: string): Promise<Assessment>;
  create(assessment: Assessment): Promise<void>;
  /**
   * Stores `assessment.revision` as the newest generation; the caller bumps the revision. The
   * history may only grow: entries already stored are kept as they are and only new ones are
   * checked and written.
   */
  save(assessment: Assessment): Promise<void>;
  /** A document whose history is the store's own list, not a copy: for an edit, which only adds to it. */
  getForEdit(id: string): Promise<EditableAssessment>;
  /** Saves an edit of a document from getForEdit (its history untouched) with the history entries it adds. */
  saveEdit(next: EditableAssessment, added: readonly HistoryEntry[]): Promise<void>;
  /** Archived and trashed assessments, by id. */
  shelf(): Map<string, { state: ShelfState; at: string; by: string }>;
  /** Archives, trashes or (with null) restores; durable before it resolves. Unknown ids are refused, none is changed. */
  setShelf(ids: readonly string[], state: ShelfState | null, by: string): Promise<void>;
  /**
   * The only permanent delete: removes every assessment in the trash, which must be exactly
   * `confirmed` (CONFLICT otherwise, and nothing is deleted). Returns the ids deleted.
   */
  emptyTrash(confirmed: readonly string[], by: string): Promise<string[]>;
  /** Everything the store did on its own since it was opened (quarantine, recovery, migration). */
  notices(): StoreNotice[];
  /** Waits for pending saves, writes the index, then releases the data-root lock. */
  close(): Promise<void>;
  /** Writes now what the store otherwise writes a moment later (the list's index), e.g. before a snapshot of the folder. */
  flush(): Promise<void>;
}

/**
 * Opens (creating if needed) the data root: takes the lock, clears temp files left by a crash,
 * and reads the index, bringing it up to date with the assessment folders (rebuilding it when
 * it is damaged).
 */
export async function openAssessmentStore(options: OpenStoreOptions): Promise<AssessmentStore> {
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());
  const dataDir = resolve(options.dataDir);
  const settings: StoreSettings = {
    dataDir,
    fs,
    now,
    keepGenerations: options.keepGenerations ?? 5,
    cachedDocuments: Math.max(1, options.cachedDocuments ?? 16),
    frameworkFor: options.frameworkFor ?? (() => undefined),
    catalogue: options.catalogue ?? (() => undefined),
  };
  if (options.readOnly === true) {
    const snapshot = new FileAssessmentStore(settings, undefined);
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
    ...(options.lockSettleMs === undefined ? {} : { settleMs: options.lockSettleMs }),
  });
  try {
    const store = new FileAssessmentStore(settings, lock);
    await store.open();
    return store;
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
}

interface StoreSettings {
  dataDir: string;
  fs: StoreFs;
  now: () => Date;
  keepGenerations: number;
  cachedDocuments: number;
  frameworkFor: FrameworkLookup;
  catalogue: () => Catalogue | undefined;
}

interface OpenDocument {
  db: Low<Assessment | null>;
}

class FileAssessmentStore implements AssessmentStore {
  readonly dataDir: string;
  /** The list as it is now; index.json catches up in the background. */
  private entries = new Map<string, IndexEntry>();
  /**
   * Revisions saved since their list entry was last worked out (scores, coverage, gaps): done when
   * the list is read or written, so that a save does not wait for it.
   */
  private readonly unsummarised = new Map<string, { doc: Assessment; signer: IndexEntry['signer'] }>();
  private indexDirty = false;
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly indexDb: Low<StoreIndex>;
  private readonly shelfDb: Low<ShelfFile>;
  /** Recently opened assessments as last committed to disk, least recently used first. */
  private readonly documents = new Map<string, OpenDocument>();
  /** Assessments that cannot be opened in this session (damaged, or from a newer CCAT). */
  private readonly failures = new Map<string, CoreError>();
  private readonly queue = new KeyedQueue();
  private readonly recorded: StoreNotice[] = [];
  private closed = false;

  constructor(
    private readonly settings: StoreSettings,
    /** Undefined for a read-only snapshot, which writes nothing. */
    private readonly lock: StoreLock | undefined,
  ) {
    this.dataDir = settings.dataDir;
    const adapter = new DurableJsonFile(join(this.dataDir, INDEX_FILE), storeIndexSchema, STORE_INDEX_SCHEMA_VERSION, settings.fs, upgradeIndex);
    this.indexDb = new Low<StoreIndex>(adapter, emptyIndex());
    this.shelfDb = new Low<ShelfFile>(new DurableJsonFile(join(this.dataDir, SHELF_FILE), shelfFileSchema, SHELF_SCHEMA_VERSION, settings.fs), emptyShelf());
  }

  private get fs(): StoreFs {
    return this.settings.fs;
  }

  private get readOnly(): boolean {
    return this.lock === undefined;
  }

  async open(): Promise<void> {
    if (this.lock?.takenOver !== undefined) this.record(this.lock.takenOver);
    if (!this.readOnly) {
      for (const folder of [ASSESSMENTS_FOLDER, QUARANTINE_FOLDER, BACKUPS_FOLDER]) {
        await ensureFolderDurably(this.fs, join(this.dataDir, folder));
      }
      const folders = [ASSESSMENTS_FOLDER, QUARANTINE_FOLDER, BACKUPS_FOLDER, PRE_MIGRATION_FOLDER, ATTACHMENTS_FOLDER];
      await this.removeLeftoverTempFiles([this.dataDir, ...folders.map((f) => join(this.dataDir, f))]);
    }
    const damagedIndex = await this.readIndex();
    if (damagedIndex !== undefined && this.readOnly) {
      this.record({ kind: 'damaged-left-in-place', file: INDEX_FILE, reason: damagedIndex, at: this.now().toISOString() });
    }
    const quarantinedAs = damagedIndex === undefined || this.readOnly ? undefined : await quarantineFile(this.fs, this.dataDir, INDEX_FILE, 'store', this.now());
    const purged = await this.openShelf();
    const changed = await this.reconcile();
    if (this.readOnly) return;
    if (damagedIndex !== undefined) {
      this.record({
        kind: 'quarantined',
        file: INDEX_FILE,
        ...(quarantinedAs === undefined ? {} : { quarantinedAs }),
        reason: `the list of assessments was damaged (${damagedIndex}); it was rebuilt from the ${this.entries.size} assessment folder(s) found`,
        at: this.now().toISOString(),
      });
    }
    if (damagedIndex !== undefined || changed > 0 || purged || !(await this.exists(join(this.dataDir, INDEX_FILE)))) {
      await this.queue.run(INDEX_QUEUE_KEY, () => this.writeIndex());
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
   * Brings the entries up to date with the assessment folders, reading a document only where
   * the index does not list it (rebuilt, or a first save before a crash) or lists an older
   * revision than the folder holds (index.json lags behind the saves). Clears temp files on
   * the way; an unreadable folder is set aside. Returns how many entries changed.
   */
  private async reconcile(): Promise<number> {
    let changed = 0;
    const folders = new Set(await this.readdirOrEmpty(join(this.dataDir, ASSESSMENTS_FOLDER)));
    // Emptying the trash writes the index after the folders are gone; a crash in between leaves entries for nothing.
    for (const id of [...this.entries.keys()]) {
      if (folders.has(id) && this.shelfDb.data.assessments[id]?.state !== 'purging') continue;
      this.entries.delete(id);
      changed++;
    }
    for (const id of folders) {
      if (!isAssessmentId(id) || this.shelfDb.data.assessments[id]?.state === 'purging') continue;
      const folder = join(this.dataDir, ASSESSMENTS_FOLDER, id);
      let names: string[];
      try {
        names = await this.fs.readdir(folder);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') this.failures.set(id, this.setAside(id, error));
        continue;
      }
      if (!this.readOnly) await this.removeLeftoverTempFiles([folder], names);
      const newest = generationsNewestFirst(names)[0];
      // A folder whose first save never completed holds nothing to adopt; it is not damage.
      if (newest === undefined || this.entries.get(id)?.revision === newest.revision) continue;
      try {
        const doc = await this.load(id);
        this.entries.set(id, this.entryOf(doc));
        changed++;
      } catch (error) {
        // Explained by a notice; its files stay where they are.
        if (!isUnreadable(error)) throw error;
      }
    }
    return changed;
  }

  async list(): Promise<IndexEntry[]> {
    this.assertOpen();
    this.summariseSaved();
    return structuredClone([...this.entries.values()].filter((entry) => !this.failures.has(entry.id)));
  }

  shelf(): Map<string, { state: ShelfState; at: string; by: string }> {
    this.assertOpen();
    const shelved = new Map<string, { state: ShelfState; at: string; by: string }>();
    for (const [id, record] of Object.entries(this.shelfDb.data.assessments)) {
      if (record.state !== 'purging' && this.entries.has(id)) shelved.set(id, { state: record.state, at: record.at, by: record.by });
    }
    return shelved;
  }

  async setShelf(ids: readonly string[], state: ShelfState | null, by: string): Promise<void> {
    this.assertWritable();
    await this.queue.run(SHELF_QUEUE_KEY, async () => {
      const unknown = ids.filter((id) => !this.entries.has(id));
      if (unknown.length > 0) throw new CoreError('NOT_FOUND', `There is no assessment with id ${unknown.map((id) => `"${id}"`).join(', ')}.`, { ids: unknown });
      const at = this.now().toISOString();
      const changing = new Set(ids);
      const kept = Object.entries(this.shelfDb.data.assessments).filter(([id]) => !changing.has(id));
      const added = state === null ? [] : ids.map((id) => [id, { state, at, by }] as const);
      await this.writeShelf({ schemaVersion: SHELF_SCHEMA_VERSION, assessments: Object.fromEntries([...kept, ...added]) });
    });
  }

  async emptyTrash(confirmed: readonly string[], by: string): Promise<string[]> {
    this.assertWritable();
    return this.queue.run(SHELF_QUEUE_KEY, async () => {
      const inTrash = [...this.shelf()].filter(([, record]) => record.state === 'trashed').map(([id]) => id);
      const wanted = new Set(confirmed);
      if (inTrash.length !== wanted.size || inTrash.some((id) => !wanted.has(id))) {
        throw new CoreError(
          'CONFLICT',
          `Nothing was deleted: the trash holds ${inTrash.length} assessment(s) and the confirmation must name exactly those. Look at the trash again and confirm what it holds now.`,
          { inTrash, confirmed: [...confirmed] },
        );
      }
      const at = this.now().toISOString();
      const marked = structuredClone(this.shelfDb.data);
      for (const id of inTrash) marked.assessments[id] = { state: 'purging', at, by };
      // Durable before the first file goes: from here on, a crash is finished on the next open.
      await this.writeShelf(marked);
      for (const id of inTrash) await this.queue.run(id, () => this.deleteFolder(id));
      await this.queue.run(INDEX_QUEUE_KEY, () => this.writeIndex());
      await this.finishPurges();
      return inTrash;
    });
  }

  /** Reads shelf.json and completes a trash-emptying a crash interrupted; says whether it removed any assessment. */
  private async openShelf(): Promise<boolean> {
    try {
      await this.shelfDb.read();
    } catch (error) {
      if (!(error instanceof CoreError && error.code === 'DAMAGED_FILE')) throw error;
      this.shelfDb.data = emptyShelf();
      const reason = (error.details as { reason?: string } | undefined)?.reason ?? error.message;
      const at = this.now().toISOString();
      if (this.readOnly) {
        this.record({ kind: 'damaged-left-in-place', file: SHELF_FILE, reason, at });
        return false;
      }
      const quarantinedAs = await quarantineFile(this.fs, this.dataDir, SHELF_FILE, 'store', this.now());
      // Archived and trashed assessments show again: nothing is lost, and nothing is deleted.
      this.record({ kind: 'quarantined', file: SHELF_FILE, quarantinedAs, reason: `the list of archived and trashed assessments was damaged (${reason}); they are shown as active again`, at });
      return false;
    }
    const purging = Object.entries(this.shelfDb.data.assessments).filter(([, record]) => record.state === 'purging');
    if (this.readOnly || purging.length === 0) return false;
    for (const [id] of purging) await this.deleteFolder(id);
    await this.finishPurges();
    return true;
  }

  /** Drops the purging marks once their folders are gone. */
  private async finishPurges(): Promise<void> {
    const kept = Object.entries(this.shelfDb.data.assessments).filter(([, record]) => record.state !== 'purging');
    await this.writeShelf({ schemaVersion: SHELF_SCHEMA_VERSION, assessments: Object.fromEntries(kept) });
  }

  private async writeShelf(next: ShelfFile): Promise<void> {
    const previous = this.shelfDb.data;
    this.shelfDb.data = next;
    try {
      await this.shelfDb.write();
    } catch (error) {
      this.shelfDb.data = previous;
      throw error;
    }
  }

  /** Deletes an assessment's folder for good (every saved version and its history log) and forgets it. */
  private async deleteFolder(id: string): Promise<void> {
    const parent = join(this.dataDir, ASSESSMENTS_FOLDER);
    const folder = join(parent, id);
    try {
      for (const name of await this.readdirOrEmpty(folder)) await ignoreMissing(this.fs.unlink(join(folder, name)));
      await ignoreMissing(this.fs.rmdir(folder));
      await syncDirectory(this.fs, parent);
    } catch (error) {
      throw storeIoError(error, { operation: 'write', file: folder, folder: parent });
    }
    this.documents.delete(id);
    this.failures.delete(id);
    this.entries.delete(id);
    this.unsummarised.delete(id);
    this.indexDirty = true;
  }

  async get(id: string): Promise<Assessment> {
    this.assertOpen();
    const failure = this.failures.get(id);
    if (failure !== undefined) throw failure;
    if (!this.entries.has(id)) throw new CoreError('NOT_FOUND', `There is no assessment with id "${id}".`, { id });
    return copyOf(await this.current(id));
  }

  async getForEdit(id: string): Promise<EditableAssessment> {
    this.assertOpen();
    const failure = this.failures.get(id);
    if (failure !== undefined) throw failure;
    if (!this.entries.has(id)) throw new CoreError('NOT_FOUND', `There is no assessment with id "${id}".`, { id });
    const { history, ...rest } = await this.current(id);
    return { ...structuredClone(rest), history };
  }

  async saveEdit(next: EditableAssessment, added: readonly HistoryEntry[]): Promise<void> {
    this.assertWritable();
    await this.queue.run(next.id, async () => {
      const failure = this.failures.get(next.id);
      if (failure !== undefined) throw failure;
      if (!this.entries.has(next.id)) throw new CoreError('NOT_FOUND', `There is no assessment with id "${next.id}".`, { id: next.id });
      const open = await this.loaded(next.id);
      const previous = open.db.data;
      if (previous === null) throw new CoreError('INTERNAL', `Assessment "${next.id}" was not loaded.`);
      assertNotStale(next, previous);
      if (next.history !== previous.history) {
        throw new CoreError('INTERNAL', `An edit of assessment "${next.id}" replaced its history instead of adding to it.`, { id: next.id });
      }
      await this.commit(open, validatedParts(withoutHistory(next), added, previous.history.length), previous.history);
    });
  }

  async create(assessment: Assessment): Promise<void> {
    this.assertWritable();
    const change = validated(assessment, []);
    await this.queue.run(assessment.id, async () => {
      if (this.entries.has(assessment.id) || this.failures.has(assessment.id)) {
        throw new CoreError('CONFLICT', `An assessment with id "${assessment.id}" already exists.`, { id: assessment.id });
      }
      await this.commit(this.documentFor(assessment.id), change, []);
    });
  }

  async save(assessment: Assessment): Promise<void> {
    this.assertWritable();
    await this.queue.run(assessment.id, async () => {
      const failure = this.failures.get(assessment.id);
      if (failure !== undefined) throw failure;
      if (!this.entries.has(assessment.id)) throw new CoreError('NOT_FOUND', `There is no assessment with id "${assessment.id}".`, { id: assessment.id });
      // Loaded first so the revision check sees the disk and a pending migration backup is known.
      const open = await this.loaded(assessment.id);
      const previous = open.db.data ?? undefined;
      if (previous !== undefined) assertNotStale(assessment, previous);
      const stored = previous?.history ?? [];
      await this.commit(open, validated(assessment, stored), stored);
    });
  }

  notices(): StoreNotice[] {
    return [...this.recorded];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await this.lock?.release();
  }

  async flush(): Promise<void> {
    clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    await this.queue.drain();
    // The index is a summary: if it cannot be written now, the next open rebuilds what it lacks.
    if (this.indexDirty) await this.queue.run(INDEX_QUEUE_KEY, () => this.writeIndex()).catch(() => undefined);
  }

  /**
   * Writes the generation (and its new history), then updates the list. Runs inside the
   * assessment's queue. The new entries are appended to the stored history list in place (no
   * copy of a list that grows with every edit) and cut off again if the write fails; the list is
   * never handed out, only copies of it.
   */
  private async commit(open: OpenDocument, change: ValidatedChange, stored: HistoryEntry[]): Promise<void> {
    const previous = open.db.data;
    if (previous !== null) assertNotStale(change.doc, previous);
    const storedLength = stored.length;
    for (const entry of change.added) stored.push(entry);
    const doc: Assessment = { ...change.doc, history: stored };
    open.db.data = doc;
    try {
      await open.db.write();
    } catch (error) {
      stored.length = storedLength;
      open.db.data = previous;
      throw error;
    }
    // The signer changes only with an import: looked for among the new entries, not the whole history.
    const signer = importSigner(change.added) ?? this.unsummarised.get(doc.id)?.signer ?? this.entries.get(doc.id)?.signer ?? null;
    // A new assessment is listed at once (the list is what says it exists); a save of a listed one is summarised later.
    if (this.entries.has(doc.id)) this.unsummarised.set(doc.id, { doc, signer });
    else this.entries.set(doc.id, this.entryOf(doc, signer));
    this.indexChanged();
  }

  /** Works out the list entries of the revisions saved since; the saves have already marked the index for writing. */
  private summariseSaved(): void {
    for (const { doc, signer } of this.unsummarised.values()) this.entries.set(doc.id, this.entryOf(doc, signer));
    this.unsummarised.clear();
  }

  private entryOf(doc: Assessment, signer?: IndexEntry['signer']): IndexEntry {
    return toIndexEntry(doc, this.settings.frameworkFor, this.settings.catalogue(), signer);
  }

  private setEntry(entry: IndexEntry): void {
    const current = this.entries.get(entry.id);
    if (current !== undefined && JSON.stringify(current) === JSON.stringify(entry)) return;
    this.entries.set(entry.id, entry);
    this.indexChanged();
  }

  /** Marks the index for writing, soon: saves close together write it once. */
  private indexChanged(): void {
    if (this.readOnly) return;
    this.indexDirty = true;
    if (this.indexTimer !== undefined) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      // A failed write leaves the index dirty: the next save or close tries again.
      void this.queue.run(INDEX_QUEUE_KEY, () => this.writeIndex()).catch(() => undefined);
    }, INDEX_WRITE_DELAY_MS);
    this.indexTimer.unref?.();
  }

  private async writeIndex(): Promise<void> {
    this.summariseSaved();
    this.indexDirty = false;
    this.indexDb.data = { schemaVersion: STORE_INDEX_SCHEMA_VERSION, assessments: [...this.entries.values()] };
    try {
      await this.indexDb.write();
    } catch (error) {
      this.indexDirty = true;
      throw error;
    }
  }

  /** The committed document, reading it from disk when it is not among the recently used. */
  private current(id: string): Promise<Assessment> {
    const cached = this.documents.get(id)?.db.data;
    if (cached !== undefined && cached !== null) return Promise.resolve(cached);
    return this.queue.run(id, () => this.load(id));
  }

  private async load(id: string): Promise<Assessment> {
    const doc = (await this.loaded(id)).db.data;
    if (doc === null) throw new CoreError('INTERNAL', `Assessment "${id}" was not loaded.`);
    return doc;
  }

  /** Reads the newest readable generation if it is not in memory; unreadable results are remembered. */
  private async loaded(id: string): Promise<OpenDocument> {
    const failure = this.failures.get(id);
    if (failure !== undefined) throw failure;
    const open = this.documentFor(id);
    if (open.db.data !== null) return open;
    try {
      await open.db.read();
    } catch (error) {
      const failed = isUnreadable(error) ? (error as CoreError) : this.setAside(id, error);
      this.failures.set(id, failed);
      throw failed;
    }
    const doc = open.db.data as Assessment | null;
    if (doc === null) {
      const error = new CoreError(
        'DAMAGED_FILE',
        `No saved version of assessment "${id}" was found in ${join(this.dataDir, ASSESSMENTS_FOLDER, id)}. Damaged versions, if any, are in ${join(this.dataDir, QUARANTINE_FOLDER)}.`,
        { id },
      );
      this.failures.set(id, error);
      throw error;
    }
    // Shared by every copy handed out, so frozen: a caller cannot change the stored history.
    doc.history.forEach(deepFreeze);
    // An entry that fell behind (a crash before the index was written) is corrected here.
    if (this.entries.has(id)) this.setEntry(this.entryOf(doc));
    return open;
  }

  /** The assessment's lowdb instance; the least recently used beyond the cache size are dropped. */
  private documentFor(id: string): OpenDocument {
    let open = this.documents.get(id);
    if (open !== undefined) {
      this.documents.delete(id);
      this.documents.set(id, open);
      return open;
    }
    const adapter = new AssessmentGenerations({
      dataDir: this.dataDir,
      id,
      fs: this.fs,
      keepGenerations: this.settings.keepGenerations,
      now: this.settings.now,
      report: (notice) => this.record(notice),
      readOnly: this.readOnly,
    });
    open = { db: new Low<Assessment | null>(adapter, null) };
    this.documents.set(id, open);
    // A task still working on a dropped one keeps its own reference; a later call reads the disk.
    for (const key of this.documents.keys()) {
      if (this.documents.size <= this.settings.cachedDocuments) break;
      if (key !== id) this.documents.delete(key);
    }
    return open;
  }

  /** Temp files are only ever half-written saves whose rename never happened. */
  private async removeLeftoverTempFiles(folders: string[], known?: string[]): Promise<void> {
    for (const folder of folders) {
      for (const name of known ?? (await this.readdirOrEmpty(folder))) {
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

  private now(): Date {
    return this.settings.now();
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

async function ignoreMissing(done: Promise<void>): Promise<void> {
  try {
    await done;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

function emptyIndex(): StoreIndex {
  return { schemaVersion: STORE_INDEX_SCHEMA_VERSION, assessments: [] };
}

/** Damaged or from a newer CCAT: a notice says why; other errors (permissions, disk) are passed on. */
function isUnreadable(error: unknown): boolean {
  return error instanceof CoreError && (error.code === 'DAMAGED_FILE' || error.code === 'STORE_NEWER_VERSION');
}

function assertNotStale(doc: Pick<EditableAssessment, 'id' | 'revision'>, previous: Pick<Assessment, 'revision'>): void {
  if (doc.revision < previous.revision) {
    throw new CoreError(
      'CONFLICT',
      `This assessment was saved meanwhile with a newer revision (${previous.revision}) than the one being saved (${doc.revision}). Reopen it to see the latest changes.`,
      { id: doc.id, saved: previous.revision, attempted: doc.revision },
    );
  }
}

const historyEntries = z.array(historyEntry);
const documentWithoutHistory = assessmentSchema.omit({ history: true });

function withoutHistory(assessment: Pick<EditableAssessment, 'history'>): object {
  const { history, ...rest } = assessment;
  void history;
  return rest;
}

/** A checked save: the document without its history, and the history entries it adds. */
interface ValidatedChange {
  doc: Omit<Assessment, 'history'>;
  added: HistoryEntry[];
}

/**
 * Parsed (and so copied): later changes by the caller cannot reach the cache. The history is
 * append-only: the entries already stored are kept as they are (and not parsed again, so that a
 * save costs the same after 20,000 edits as after 10); only the new ones are checked.
 */
function validated(assessment: Assessment, stored: readonly HistoryEntry[]): ValidatedChange {
  const history: unknown = (assessment as { history?: unknown }).history;
  if (!Array.isArray(history) || history.length < stored.length) {
    throw new CoreError('INVALID_INPUT', `The assessment was not saved because it is not valid: history: entries may be added, never removed.`);
  }
  return validatedParts(withoutHistory(assessment), history.slice(stored.length), stored.length);
}

/** The document and the entries it adds to a history of `storedLength` entries, parsed. */
function validatedParts(document: unknown, newEntries: readonly unknown[], storedLength: number): ValidatedChange {
  const parsed = documentWithoutHistory.safeParse(document);
  const added = historyEntries.safeParse(newEntries);
  if (parsed.success && added.success) {
    added.data.forEach(deepFreeze);
    return { doc: parsed.data, added: added.data };
  }
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues),
    ...(added.success ? [] : added.error.issues.map((issue) => ({ ...issue, path: ['history', storedLength + Number(issue.path[0]), ...issue.path.slice(1)] }))),
  ];
  const problems = issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`)
    .join('; ');
  throw new CoreError('INVALID_INPUT', `The assessment was not saved because it is not valid: ${problems}`, { issues });
}

/** A copy the caller may change freely; the frozen history entries are shared, the list is not. */
function copyOf(doc: Assessment): Assessment {
  const { history, ...rest } = doc;
  return { ...structuredClone(rest), history: history.slice() };
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}
