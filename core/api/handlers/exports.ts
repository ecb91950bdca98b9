import { renderHtmlReport } from '../../report/html-report';
import { scoreAssessment } from '../../scoring/scores';
import type { ApiHandlers } from '../dispatch';
import { CoreError } from '../result';
import type { HandlerContext } from './services';

export function exportHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'exportAssessment'> {
  return {
    exportAssessment: async ({ id, format, language }) => {
      const assessment = await ctx.store.get(id);
      const stem = `${fileStem(assessment.title)}-${assessment.country}-${ctx.now().toISOString().slice(0, 10)}`;
      if (format === 'json') {
        return { fileName: `${stem}.json`, mediaType: 'application/json', encoding: 'utf8', content: `${JSON.stringify(assessment, null, 2)}\n`, verified: 'JSON' };
      }
      if (format !== 'html') throw new CoreError('INTERNAL', `Export to ${format} is being wired up.`);
      const framework = ctx.library.get(assessment.frameworkId, assessment.frameworkVersion);
      const content = renderHtmlReport({ framework, assessment, scores: scoreAssessment(framework, assessment), language, appVersion: ctx.appVersion, generatedAt: ctx.now() });
      return { fileName: `${stem}.html`, mediaType: 'text/html', encoding: 'utf8', content, verified: 'HTML' };
    },
  };
}

function fileStem(title: string): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '')
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return stem === '' ? 'assessment' : stem;
}
