import { fromBase64 } from '../../report/bytes';
import type { ApiHandlers } from '../dispatch';
import { CoreError } from '../result';
import type { HandlerContext } from './services';

type LanguagePackCommands = 'listLanguages' | 'exportLanguagePack' | 'importLanguagePack' | 'removeLanguagePack' | 'getUiStrings' | 'getGuide';

export function languagePackHandlers(ctx: HandlerContext): Pick<ApiHandlers, LanguagePackCommands> {
  const packs = ctx.languagePacks;
  return {
    listLanguages: () => packs.listLanguages(),
    exportLanguagePack: ({ language, format }) => packs.exportPack(language, format),
    importLanguagePack: ({ fileName, contentBase64 }) => {
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(contentBase64);
      } catch {
        throw new CoreError('INVALID_INPUT', 'contentBase64: the file content is not valid base64.');
      }
      return packs.importPack(fileName, bytes);
    },
    removeLanguagePack: ({ language }) => packs.removePack(language),
    getUiStrings: ({ language }) => packs.uiStrings(language),
    getGuide: ({ language }) => packs.guide(language),
  };
}
