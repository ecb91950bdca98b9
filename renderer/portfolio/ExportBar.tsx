import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../core/api/commands';
import { portfolioExportFormats, type PortfolioExportFormat } from '../../core/api/exports-vocabulary';
import type { ApiError, Result } from '../../core/api/result';
import { ErrorMessage } from '../components/ErrorMessage';
import { checkText } from '../export/check-text';
import { download } from '../export/download';
import type { UiLanguage } from '../../locales/languages';
import { reportLanguage } from '../i18n';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string; verified: string } | { kind: 'error'; error: ApiError };

/**
 * One button per HQ export format. The core builds and re-opens the file (as for country
 * reports); the browser's or Electron's download then asks where to save it.
 */
export function ExportBar({ what, run }: { what: string; run: (format: PortfolioExportFormat, language: UiLanguage) => Promise<Result<ExportedFile>> }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const go = async (format: PortfolioExportFormat) => {
    setState({ kind: 'working' });
    const result = await run(format, reportLanguage(i18n.language));
    if (!result.ok) return setState({ kind: 'error', error: result.error });
    download(result.data);
    setState({ kind: 'done', file: result.data.fileName, verified: checkText(t, result.data) });
  };
  return (
    <div className="export-bar" role="group" aria-label={t('portfolio.export.label', { what })}>
      <span className="export-bar-label">{t('portfolio.export.heading')}</span>
      {portfolioExportFormats.map((format) => (
        <button key={format} type="button" className="button button-small" disabled={state.kind === 'working'} onClick={() => void go(format)}>
          {t(`portfolio.export.formats.${format}`)}
          <span className="sr-only"> — {what}</span>
        </button>
      ))}
      <p role="status" className="export-status">
        {state.kind === 'working' && t('exportDialog.working')}
        {state.kind === 'done' && t('exportDialog.done', { file: state.file, verified: state.verified })}
      </p>
      {state.kind === 'error' && <ErrorMessage error={state.error} />}
    </div>
  );
}
