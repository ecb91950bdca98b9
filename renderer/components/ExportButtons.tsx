import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { UiLanguage } from '../../locales/resources';
import { call } from '../api';
import { useErrorText } from './ErrorMessage';

type Format = 'html' | 'json';
type ExportState = { kind: 'idle' } | { kind: 'working'; format: Format } | { kind: 'done'; file: string } | { kind: 'error'; error: ApiError };

/** Hands the file to the browser's (or Electron's) download, which asks where to save it. */
function download(fileName: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ assessmentId, beforeExport }: { assessmentId: string; beforeExport: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const run = async (format: Format) => {
    setState({ kind: 'working', format });
    await beforeExport();
    const result = await call('exportAssessment', { id: assessmentId, format, language: i18n.language as UiLanguage });
    if (!result.ok) {
      setState({ kind: 'error', error: result.error });
      return;
    }
    download(result.data.fileName, result.data.mediaType, result.data.content);
    setState({ kind: 'done', file: result.data.fileName });
  };

  return (
    <div className="export">
      <span className="export-label">{t('assess.export')}:</span>
      <button type="button" className="button button-small" disabled={state.kind === 'working'} onClick={() => void run('html')}>
        {t('export.html')}
      </button>
      <button type="button" className="button button-small" disabled={state.kind === 'working'} onClick={() => void run('json')}>
        {t('export.json')}
      </button>
      <span role="status" className="export-status">
        {state.kind === 'working' && t('export.working', { format: state.format.toUpperCase() })}
        {state.kind === 'done' && t('export.done', { file: state.file })}
        {state.kind === 'error' && <span className="field-error">{errorText(state.error)}</span>}
      </span>
    </div>
  );
}
