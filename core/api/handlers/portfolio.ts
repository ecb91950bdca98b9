import { listRegions } from '../../portfolio/regions';
import type { ApiHandlers } from '../dispatch';
import { CoreError } from '../result';
import type { HandlerContext } from './services';

type PortfolioCommands =
  | 'listPortfolio'
  | 'listRegions'
  | 'archiveAssessments'
  | 'trashAssessments'
  | 'restoreAssessments'
  | 'emptyTrash'
  | 'compareAssessments'
  | 'getCountryTrend'
  | 'rankCountries'
  | 'exportPortfolio'
  | 'exportComparison'
  | 'exportRanking';

const pending = () => Promise.reject(new CoreError('INTERNAL', 'Not available yet in this build.'));

export function portfolioHandlers(ctx: HandlerContext): Pick<ApiHandlers, PortfolioCommands> {
  void ctx;
  return {
    listRegions: async () => listRegions(),
    listPortfolio: pending,
    archiveAssessments: pending,
    trashAssessments: pending,
    restoreAssessments: pending,
    emptyTrash: pending,
    compareAssessments: pending,
    getCountryTrend: pending,
    rankCountries: pending,
    exportPortfolio: pending,
    exportComparison: pending,
    exportRanking: pending,
  };
}
