import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CoreError } from '../api/result';
import { ensureFolderDurably, writeFileDurably } from './atomic-write.node.ts';
import { errnoCode, storeIoError } from './errors';
import type { AttachmentFiles } from './attachment-files';
import type { StoreFs } from './fs-port';
import { nodeFs } from './node-fs.node.ts';

export const ATTACHMENTS_FOLDER = 'attachments';
/** Large enough for scanned decrees and photos of whiteboards, small enough to keep bundles portable. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * Evidence files, content-addressed: the name is the SHA-256 of the bytes, so a file cannot be
 * silently replaced and the same document attached twice is kept once. Files are never deleted
 * by removing them from an indicator: the change history may still refer to them.
 */
export function attachmentFiles(dataDir: string, fs: StoreFs = nodeFs): AttachmentFiles {
  const folder = join(dataDir, ATTACHMENTS_FOLDER);
  return {
    async put(bytes) {
      if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
        throw new CoreError('INVALID_INPUT', `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; attachments may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB.`);
      }
      const sha256 = digest(bytes);
      const path = join(folder, sha256);
      await ensureFolderDurably(fs, folder);
      // A stored copy whose bytes no longer match its name (a bad sector, an edit by hand) is
      // repaired by attaching the original again; a copy of the same size is no proof.
      const existing = await fs.readFile(path).catch(() => undefined);
      if (existing === undefined || digest(existing) !== sha256) await writeFileDurably(path, bytes, fs);
      return sha256;
    },
    async read(sha256) {
      const path = join(folder, sha256);
      let bytes: Uint8Array;
      try {
        bytes = await fs.readFile(path);
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') throw new CoreError('NOT_FOUND', `The attachment file ${sha256.slice(0, 12)}… is missing from ${folder}.`);
        throw storeIoError(error, { operation: 'read', file: path, folder });
      }
      if (digest(bytes) !== sha256) {
        throw new CoreError(
          'DAMAGED_FILE',
          `The attachment file ${path} is damaged: its content no longer matches its SHA-256 fingerprint, so it is not offered as evidence. Attach the original file again to repair it.`,
          { file: path, sha256 },
        );
      }
      return bytes;
    },
  };
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
