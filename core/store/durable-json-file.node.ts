import type { Adapter } from 'lowdb';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { CoreError } from '../api/result';
import { writeFileDurably } from './atomic-write.node.ts';
import { decodeDocument, encodeDocument } from './document-codec';
import { errnoCode, storeIoError } from './errors';
import type { StoreFs } from './fs-port';
import { nodeFs } from './node-fs.node.ts';

/**
 * lowdb adapter for one JSON file (the store index). Unlike lowdb's JSONFile it writes durably
 * and validates on read. `read` resolves null only when the file does not exist; a damaged file
 * throws DAMAGED_FILE and a file from a newer CCAT throws STORE_NEWER_VERSION, because lowdb
 * would otherwise silently keep its default data in place of the file's contents.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly currentVersion: number,
    private readonly fs: StoreFs = nodeFs,
    /** Brings a file of an older version up to `currentVersion`. */
    private readonly migrate?: (doc: unknown) => unknown,
  ) {}

  async read(): Promise<T | null> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(this.path);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw storeIoError(error, { operation: 'read', file: this.path, folder: dirname(this.path) });
    }
    const decoded = decodeDocument(bytes, this.schema, { currentVersion: this.currentVersion, ...(this.migrate === undefined ? {} : { migrate: this.migrate }) });
    switch (decoded.kind) {
      case 'ok':
        return decoded.value;
      case 'newer':
        throw new CoreError('STORE_NEWER_VERSION', `${this.path} was saved by a newer version of CCAT; update CCAT to open it.`, {
          file: this.path,
          schemaVersion: decoded.version,
        });
      case 'damaged':
        throw new CoreError('DAMAGED_FILE', `${this.path} is damaged: ${decoded.reason}.`, { file: this.path, reason: decoded.reason });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, encodeDocument(data), this.fs);
  }
}
