import { uiLanguages } from '../../../locales/languages';
import { keepLanguages } from '../../framework/translations';
import { reviewAssessment } from '../../review/review';
import { scoreAssessment } from '../../scoring/scores';
import type { ApiHandlers } from '../dispatch';
import type { HandlerContext } from './services';

type Handlers = Pick<ApiHandlers, 'getAppInfo' | 'getStoreStatus' | 'listFrameworks' | 'getFramework' | 'openAssessment' | 'getCatalogue' | 'getScores' | 'getReview'>;

export function readingHandlers(ctx: HandlerContext): Handlers {
  const frameworkOf = async (id: string) => {
    const assessment = await ctx.store.get(id);
    return { assessment, framework: ctx.library.get(assessment.frameworkId, assessment.frameworkVersion) };
  };
  return {
    getAppInfo: async () => ({ version: ctx.appVersion, dataDir: ctx.dataDir, languages: [...uiLanguages], pdf: ctx.exports.printPdf !== undefined }),
    getStoreStatus: async () => ({ notices: ctx.store.notices() }),
    listFrameworks: async () => ctx.library.list(),
    getFramework: async ({ id, version, languages }) => {
      const framework = ctx.library.get(id, version);
      return languages ? keepLanguages(framework, languages) : framework;
    },
    openAssessment: async ({ id, languages }) => {
      const { assessment, framework } = await frameworkOf(id);
      return { assessment: { ...assessment, history: [] }, framework: languages ? keepLanguages(framework, languages) : framework };
    },
    getCatalogue: async ({ languages }) => {
      const catalogue = ctx.library.catalogue;
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
