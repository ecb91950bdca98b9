import { languageInfo, languages, type UiLanguage } from '../../../locales/languages';
import type { ExportedFile } from '../../api/commands';
import { CoreError } from '../../api/result';
import { fromUtf8, toBase64 } from '../../report/bytes';
import { withContentTexts, type ContentTexts } from '../content-keys';
import type { UiOverrides } from '../translator';
import type { Catalogue } from '../../model/catalogue';
import type { Framework } from '../../model/framework';
import { assembleGuide, matchGuideTexts } from './guide';
import { UnreadablePack, type PackMetadata } from './metadata';
import {
  PACK_SCHEMA_VERSION,
  type GuideText,
  type InstalledPack,
  type LanguageListing,
  type LanguagePackImport,
  type PackFormat,
  type PackProblem,
  type UiStrings,
} from './types';
import { flattenUi, nestUi, type UiResources } from './ui-strings';
import { completeness, packUnits, type ContentKind, type ShippedTexts } from './units';
import { validatePack, type ParsedPack } from './validate';

/** Where installed packs live; the Node implementation is pack-store.node.ts. */
export interface PackStore {
  read(language: UiLanguage): Promise<InstalledPack | undefined>;
  write(pack: InstalledPack): Promise<void>;
  /** True when there was a pack to remove. */
  remove(language: UiLanguage): Promise<boolean>;
}

export interface LanguagePackServices {
  store: PackStore;
  /** The shipped texts, read once on first use. */
  shipped: () => Promise<ShippedTexts>;
  now: () => Date;
  appVersion: string;
}

/** At most this many problems are listed for a refused file; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;

const isUiUnit = (id: string) => id.startsWith('common:') || id.startsWith('report:');

/** The UI strings a pack changes, as i18next resources (for createTranslator's overrides). */
export function packUiResources(pack: InstalledPack | undefined): UiResources {
  return nestUi(Object.entries(pack?.texts ?? {}).filter(([id]) => isUiUnit(id)));
}

/** A pack's texts for one content file, by content key; empty when the pack was made for another file or version. */
export function packContentTexts(pack: InstalledPack | undefined, kind: ContentKind, id: string, version: string): ContentTexts {
  const made = pack?.content[kind];
  if (!pack || !made || made.id !== id || made.version !== version) return {};
  const prefix = `${kind}:`;
  return Object.fromEntries(Object.entries(pack.texts).flatMap(([key, text]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), text]] : [])));
}

function detectFormat(bytes: Uint8Array): PackFormat | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<xliff\b/.test(head) ? 'xliff' : undefined;
}

/**
 * Reads a pack file as XLIFF or XLSX, told apart by content (a file's name says nothing a user
 * cannot change); throws UnreadablePack for anything else. Nothing is checked against CCAT's texts here.
 */
export async function readPackFile(bytes: Uint8Array): Promise<{ format: PackFormat; parsed: ParsedPack }> {
  const format = detectFormat(bytes);
  if (!format) throw new UnreadablePack('this file is neither an XLIFF 2.0 file nor an XLSX workbook (CCAT tells them apart by content, not by name).');
  return { format, parsed: await parseFile(bytes, format) };
}

async function parseFile(bytes: Uint8Array, format: PackFormat): Promise<ParsedPack> {
  if (format === 'xlsx') return (await import('./xlsx')).readXlsx(bytes);
  let text: string;
  try {
    text = fromUtf8(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UnreadablePack('the XLIFF file is not UTF-8 text.');
  }
  return (await import('./xliff')).readXliff(text);
}

function refusal(fileName: string, problems: PackProblem[]): CoreError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  const lines = listed.slice(0, 10).map((p) => `- ${p.message}`);
  if (problems.length > 10) lines.push(`- and ${problems.length - 10} more`);
  return new CoreError(
    'INVALID_INPUT',
    `${fileName} was refused and nothing was installed: ${problems.length} problem${problems.length === 1 ? '' : 's'}.\n${lines.join('\n')}`,
    { problems: listed, more },
  );
}

export function languagePackService(services: LanguagePackServices) {
  const { store } = services;

  /**
   * The installed pack, or none when its file cannot be read: a damaged pack must not take the
   * language menu, the UI strings or the reports down with it. listLanguages says what is wrong.
   */
  async function readInstalled(language: UiLanguage): Promise<{ pack: InstalledPack | undefined; problem: string | null }> {
    try {
      return { pack: await store.read(language), problem: null };
    } catch (error) {
      if (error instanceof CoreError && (error.code === 'DAMAGED_FILE' || error.code === 'STORE_NEWER_VERSION')) return { pack: undefined, problem: error.message };
      throw error;
    }
  }
  /**
   * Each language's pack is read once and kept until this service installs or removes one:
   * opening an assessment lays the packs over its framework, and must not read the disk for it.
   */
  const known = new Map<UiLanguage, ReturnType<typeof readInstalled>>();
  function installed(language: UiLanguage): ReturnType<typeof readInstalled> {
    let found = known.get(language);
    if (!found) {
      found = readInstalled(language);
      // A failed read (not a damaged file, which is an answer) is tried again next time.
      found.catch(() => known.delete(language));
      known.set(language, found);
    }
    return found;
  }
  const readPack = async (language: UiLanguage) => (await installed(language)).pack;

  async function units(language: UiLanguage) {
    return packUnits(await services.shipped(), language, await readPack(language));
  }

  function metadata(language: UiLanguage, pack: InstalledPack | undefined): PackMetadata {
    return {
      language,
      status: pack?.status ?? { kind: 'draft' },
      about: `Made by CCAT ${services.appVersion} on ${services.now().toISOString().slice(0, 10)}. Translate the texts into ${languageInfo(language).englishName}; keep every {{placeholder}} and the Markdown; leave a text empty to keep CCAT's own. Set the status to "reviewed" only with the reviewer's name and the date of the review.`,
    };
  }

  return {
    async listLanguages(): Promise<LanguageListing[]> {
      const listings: LanguageListing[] = [];
      for (const info of languages) {
        const { pack, problem } = await installed(info.code);
        const all = packUnits(await services.shipped(), info.code, pack);
        listings.push({
          code: info.code,
          nativeName: info.nativeName,
          englishName: info.englishName,
          direction: info.direction,
          shipped: info.status,
          pack: pack ? { status: pack.status, installedAt: pack.installedAt, fileName: pack.fileName, units: Object.keys(pack.texts).length } : null,
          packProblem: problem,
          completeness: { ui: completeness(all.filter((u) => u.kind === 'ui')), framework: completeness(all.filter((u) => u.kind === 'framework')) },
        });
      }
      return listings;
    },

    async exportPack(language: UiLanguage, format: PackFormat): Promise<ExportedFile> {
      const all = await units(language);
      const about = metadata(language, await readPack(language));
      const fileName = `ccat-language-pack-${language}.${format === 'xliff' ? 'xlf' : 'xlsx'}`;
      if (format === 'xliff') {
        const { writeXliff, readXliff } = await import('./xliff');
        const xml = await writeXliff(all, about);
        const reread = await readXliff(xml);
        if (reread.units.length !== all.length) throw new CoreError('INTERNAL', `The XLIFF export re-read ${reread.units.length} units of ${all.length}.`);
        return { fileName, mediaType: 'application/xliff+xml', encoding: 'utf8', content: xml, verified: `XLIFF 2.0 re-read: ${all.length} units for ${language}` };
      }
      const { writeXlsx, readXlsx } = await import('./xlsx');
      const bytes = await writeXlsx(all, about);
      const reread = await readXlsx(bytes);
      if (reread.units.length !== all.length) throw new CoreError('INTERNAL', `The XLSX export re-read ${reread.units.length} rows of ${all.length}.`);
      return {
        fileName,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        encoding: 'base64',
        content: toBase64(bytes),
        verified: `XLSX re-read: ${all.length} rows for ${language}`,
      };
    },

    /** Reads and checks the whole file first; only a file without problems is written, in one durable step. */
    async importPack(fileName: string, bytes: Uint8Array): Promise<LanguagePackImport> {
      let read: Awaited<ReturnType<typeof readPackFile>>;
      try {
        read = await readPackFile(bytes);
      } catch (error) {
        if (!(error instanceof UnreadablePack)) throw error;
        throw refusal(fileName, [{ code: 'unreadable', message: error.message }]);
      }
      const { format, parsed } = read;
      const shipped = await services.shipped();
      const checked = validatePack(parsed, shipped);
      if (!checked.ok) throw refusal(fileName, checked.problems);
      const shippedUnits = new Map(packUnits(shipped, checked.language).map((u) => [u.id, u.target]));
      const texts = Object.fromEntries([...checked.texts].filter(([id, text]) => shippedUnits.get(id) !== text));
      known.delete(checked.language);
      await store.write({
        schemaVersion: PACK_SCHEMA_VERSION,
        language: checked.language,
        status: checked.status,
        installedAt: services.now().toISOString(),
        fileName,
        format,
        content: {
          framework: shipped.framework ? { id: shipped.framework.id, version: shipped.framework.version } : null,
          catalogue: shipped.catalogue ? { id: shipped.catalogue.id, version: shipped.catalogue.version } : null,
        },
        texts,
      });
      // Again after the write: a read that began during it may have kept the old pack.
      known.delete(checked.language);
      return { language: checked.language, status: checked.status, units: Object.keys(texts).length, translated: checked.texts.size, warnings: checked.warnings };
    },

    async removePack(language: UiLanguage): Promise<{ removed: boolean }> {
      known.delete(language);
      const removed = await store.remove(language);
      known.delete(language);
      return { removed };
    },

    async uiStrings(language: UiLanguage): Promise<UiStrings> {
      const pack = await readPack(language);
      const flat = flattenUi((await services.shipped()).ui[language] ?? {});
      for (const [id, text] of Object.entries(pack?.texts ?? {})) if (isUiUnit(id)) flat.set(id, text);
      return { language, resources: nestUi(flat), pack: pack?.status ?? null };
    },

    async guide(language: UiLanguage): Promise<GuideText> {
      const shipped = await services.shipped();
      const pack = await readPack(language);
      const english = shipped.guide.en ?? '';
      const own = shipped.guide[language];
      const packTexts = Object.entries(pack?.texts ?? {}).filter(([id]) => id.startsWith('guide:'));
      if (packTexts.length === 0) return { language, markdown: own ?? english, pack: pack?.status ?? null };
      const texts = own === undefined || language === 'en' ? new Map<string, string>() : matchGuideTexts(english, own);
      for (const [id, text] of packTexts) texts.set(id, text);
      return { language, markdown: assembleGuide(english, texts), pack: pack?.status ?? null };
    },

    /**
     * The framework, the catalogue and the UI strings with the installed packs of `reportLanguages`
     * laid over them: what a report in those languages is made from, and what getFramework can
     * serve (`(await ctx.languagePacks.applyPacks(languages, framework, catalogue)).framework`).
     */
    async applyPacks(reportLanguages: UiLanguage[], framework: Framework, catalogue: Catalogue | undefined) {
      const ui: Partial<Record<UiLanguage, UiOverrides>> = {};
      let packedFramework = framework;
      let packedCatalogue = catalogue;
      for (const language of reportLanguages) {
        const pack = await readPack(language);
        if (!pack) continue;
        ui[language] = packUiResources(pack);
        packedFramework = withContentTexts(packedFramework, language, packContentTexts(pack, 'framework', framework.id, framework.version));
        if (packedCatalogue) packedCatalogue = withContentTexts(packedCatalogue, language, packContentTexts(pack, 'catalogue', packedCatalogue.id, packedCatalogue.version));
      }
      return { framework: packedFramework, catalogue: packedCatalogue, uiOverrides: ui };
    },
  };
}

export type LanguagePackService = ReturnType<typeof languagePackService>;
