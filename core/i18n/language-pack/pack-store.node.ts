import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { UiLanguage } from '../../../locales/languages';
import { ensureFolderDurably, syncDirectory } from '../../store/atomic-write.node.ts';
import { DurableJsonFile } from '../../store/durable-json-file.node.ts';
import { errnoCode, readOnlySnapshotError, storeIoError } from '../../store/errors';
import { nodeFs } from '../../store/node-fs.node.ts';
import { quarantineFile } from '../../store/quarantine.node.ts';
import { CoreError } from '../../api/result';
import type { ContentTexts } from '../content-keys';
import { packContentTexts, type PackStore } from './language-packs';
import { installedPackSchema, PACK_SCHEMA_VERSION, type InstalledPack } from './types';
import type { ContentKind } from './units';

export const LANGUAGE_PACKS_FOLDER = 'language-packs';

function packFile(dataDir: string, language: UiLanguage): DurableJsonFile<InstalledPack> {
  return new DurableJsonFile(join(dataDir, LANGUAGE_PACKS_FOLDER, `${language}.json`), installedPackSchema, PACK_SCHEMA_VERSION);
}

/** Whether the pack file of `language` exists but cannot be read (damaged, or from a newer CCAT). */
async function unreadable(dataDir: string, language: UiLanguage): Promise<boolean> {
  try {
    await packFile(dataDir, language).read();
    return false;
  } catch (error) {
    if (error instanceof CoreError && (error.code === 'DAMAGED_FILE' || error.code === 'STORE_NEWER_VERSION')) return true;
    throw error;
  }
}

/**
 * Installed packs, one durable JSON file per language in `<dataDir>/language-packs/`. A file that
 * cannot be read is moved to quarantine/ before a new pack replaces it or the pack is removed:
 * never overwritten or deleted.
 */
export function languagePackStore(dataDir: string, options: { readOnly: boolean; now: () => Date }): PackStore {
  const folder = join(dataDir, LANGUAGE_PACKS_FOLDER);
  const setAside = async (language: UiLanguage): Promise<boolean> => {
    if (!(await unreadable(dataDir, language))) return false;
    await quarantineFile(nodeFs, dataDir, join(LANGUAGE_PACKS_FOLDER, `${language}.json`), 'language-pack', options.now());
    return true;
  };
  return {
    read: async (language) => (await packFile(dataDir, language).read()) ?? undefined,
    async write(pack) {
      if (options.readOnly) throw readOnlySnapshotError();
      await ensureFolderDurably(nodeFs, folder);
      await setAside(pack.language);
      await packFile(dataDir, pack.language).write(pack);
    },
    async remove(language) {
      if (options.readOnly) throw readOnlySnapshotError();
      if (await setAside(language)) return true;
      const path = packFile(dataDir, language).path;
      try {
        await unlink(path);
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return false;
        throw storeIoError(error, { operation: 'write', file: path, folder });
      }
      await syncDirectory(nodeFs, folder);
      return true;
    },
  };
}

/**
 * The installed pack's texts for one content file in `language`, by content key: what the
 * framework library lays over the shipped texts (`withContentTexts(framework, language, texts)`).
 * Empty when no pack is installed or it was made for another file or version.
 */
export async function installedContentTexts(dataDir: string, kind: ContentKind, id: string, version: string, language: UiLanguage): Promise<ContentTexts> {
  return packContentTexts(await packFile(dataDir, language).read() ?? undefined, kind, id, version);
}
