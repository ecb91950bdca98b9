import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { UiLanguage } from '../../../locales/languages';
import { ensureFolderDurably, syncDirectory } from '../../store/atomic-write.node.ts';
import { DurableJsonFile } from '../../store/durable-json-file.node.ts';
import { errnoCode, readOnlySnapshotError, storeIoError } from '../../store/errors';
import { nodeFs } from '../../store/node-fs.node.ts';
import type { ContentTexts } from '../content-keys';
import { packContentTexts, type PackStore } from './language-packs';
import { installedPackSchema, PACK_SCHEMA_VERSION, type InstalledPack } from './types';
import type { ContentKind } from './units';

export const LANGUAGE_PACKS_FOLDER = 'language-packs';

function packFile(dataDir: string, language: UiLanguage): DurableJsonFile<InstalledPack> {
  return new DurableJsonFile(join(dataDir, LANGUAGE_PACKS_FOLDER, `${language}.json`), installedPackSchema, PACK_SCHEMA_VERSION);
}

/** Installed packs, one durable JSON file per language in `<dataDir>/language-packs/`. */
export function languagePackStore(dataDir: string, options: { readOnly: boolean }): PackStore {
  const folder = join(dataDir, LANGUAGE_PACKS_FOLDER);
  return {
    read: async (language) => (await packFile(dataDir, language).read()) ?? undefined,
    async write(pack) {
      if (options.readOnly) throw readOnlySnapshotError();
      await ensureFolderDurably(nodeFs, folder);
      await packFile(dataDir, pack.language).write(pack);
    },
    async remove(language) {
      if (options.readOnly) throw readOnlySnapshotError();
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
