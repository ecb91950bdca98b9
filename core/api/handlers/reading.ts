import { uiLanguages, type UiLanguage } from '../../../locales/languages';
import type { Framework } from '../../model/framework';
import { keepLanguages } from '../../framework/translations';
import { reviewAssessment } from '../../review/review';
import { scoreAssessment } from '../../scoring/scores';
import type { ApiHandlers } from '../dispatch';
import type { HandlerContext } from './services';

type Handlers = Pick<ApiHandlers, 'getAppInfo' | 'getStoreStatus' | 'listFrameworks' | 'getFramework' | 'openAssessment' | 'getCatalogue' | 'getScores' | 'getReview'>;

export function readingHandlers(ctx: HandlerContext): Handlers {
  /** The content in `languages` (all when not named), with installed language packs laid over the shipped translations. */
  const inLanguages = async (framework: Framework, languages: UiLanguage[] | undefined) => {
    const packed = (await ctx.languagePacks.applyPacks(languages ?? [...uiLanguages], framework, ctx.library.catalogue)).framework;
    return languages ? keepLanguages(packed, languages) : packed;
  };
  const frameworkOf = async (id: string) => {
    const assessment = await ctx.store.get(id);
    return { assessment, framework: ctx.library.get(assessment.frameworkId, assessment.frameworkVersion) };
  };
  return {
    getAppInfo: async () => ({ version: ctx.appVersion, dataDir: ctx.dataDir, languages: [...uiLanguages], pdf: ctx.exports.printPdf !== undefined }),
    getStoreStatus: async () => ({ notices: ctx.store.notices() }),
    listFrameworks: async () => ctx.library.list(),
    getFramework: async ({ id, version, languages }) => inLanguages(ctx.library.get(id, version), languages),
    openAssessment: async ({ id, languages }) => {
      const { assessment, framework } = await frameworkOf(id);
      return { assessment: { ...assessment, history: [] }, framework: await inLanguages(framework, languages) };
    },
    getCatalogue: async ({ languages }) => {
      const newest = ctx.library.latest(ctx.library.defaultId);
      const catalogue = (await ctx.languagePacks.applyPacks(languages ?? [...uiLanguages], newest, ctx.library.catalogue)).catalogue;
      return catalogue && languages ? keepLanguages(catalogue, languages) : (catalogue ?? null);
    },
    getScores: async ({ id }) => {
      const { assessment, framework } = await frameworkOf(id);
      return scoreAssessment(framework, assessment);
    },
    getReview: async ({ id }) => {
      const { assessment, framework } = await frameworkOf(id);
      return reviewAssessment(framework, assessment);
    },
  };
}
