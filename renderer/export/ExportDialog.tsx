import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../core/api/commands';
import { classificationPresets, dataFormats, exportFormats, reportKinds } from '../../core/api/exports-vocabulary';
import type { ApiError } from '../../core/api/result';
import { languageName, uiLanguages, type UiLanguage } from '../../locales/languages';
import { call } from '../api';
import { useErrorText } from '../components/ErrorMessage';
import { Modal } from '../components/Modal';
import { BundleExportForm } from '../exchange/BundleExportForm';
import { checkText } from './check-text';
import { download } from './download';
import { reportLanguage } from '../i18n';

type Format = (typeof exportFormats)[number];
type Report = (typeof reportKinds)[number];
type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: ExportedFile } | { kind: 'error'; error: ApiError };
type Classification = '' | (typeof classificationPresets)[number] | 'custom';

/** Which report, in which format and language(s), and whether to leave names out (issue: the report set). */
export function ExportDialog({ assessmentId, beforeExport }: { assessmentId: string; beforeExport: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [report, setReport] = useState<Report>('full');
  const [format, setFormat] = useState<Format>('html');
  const [language, setLanguage] = useState<UiLanguage>(reportLanguage(i18n.language));
  const [secondLanguage, setSecondLanguage] = useState<UiLanguage | ''>('');
  const [redact, setRedact] = useState(false);
  const [classification, setClassification] = useState<Classification>('');
  const [classificationText, setClassificationText] = useState('');
  const [pdf, setPdf] = useState(true);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [kind, setKind] = useState<'report' | 'bundle'>('report');

  useEffect(() => {
    void call('getAppInfo', {}).then((result) => result.ok && setPdf(result.data.pdf));
  }, []);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'working' });
    await beforeExport();
    const result = await call('exportAssessment', {
      id: assessmentId,
      format,
      report,
      language,
      ...(secondLanguage !== '' && secondLanguage !== language ? { secondLanguage } : {}),
      redact,
      ...(classificationLine ? { classification: classificationLine } : {}),
    });
    if (!result.ok) {
      setState({ kind: 'error', error: result.error });
      return;
    }
    download(result.data);
    setState({ kind: 'done', file: result.data });
  };

  const dataOnly = (dataFormats as readonly string[]).includes(format);
  const classificationLine = dataOnly ? '' : classification === 'custom' ? classificationText.trim() : classification;
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {t('exportDialog.open')}
      </button>
      <Modal open={open} title={kind === 'bundle' ? t('exchange.export.title') : t('exportDialog.title')} onClose={() => setOpen(false)}>
        <fieldset className="export-kind">
          <legend className="sr-only">{t('exportDialog.kind')}</legend>
          {(['report', 'bundle'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="export-kind" checked={kind === k} onChange={() => setKind(k)} />
              {t(`exportDialog.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'bundle' && <BundleExportForm assessmentId={assessmentId} beforeExport={beforeExport} onClose={() => setOpen(false)} />}
        {kind === 'report' && (
        <form onSubmit={(event) => void run(event)} className="export-form">
          <fieldset className="field" disabled={dataOnly} aria-describedby={dataOnly ? 'export-report-hint' : undefined}>
            <legend>{t('exportDialog.report')}</legend>
            {dataOnly && (
              <p id="export-report-hint" className="field-hint">
                {t('exportDialog.reportNotForData')}
              </p>
            )}
            {reportKinds.map((kind) => (
              <label key={kind} className="choice-block">
                <input type="radio" name="report" value={kind} checked={report === kind} onChange={() => setReport(kind)} />
                <span>
                  <strong>{t(`exportDialog.reports.${kind}`)}</strong>
                  <span className="muted"> — {t(`exportDialog.reportHints.${kind}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="export-format">{t('exportDialog.format')}</label>
            <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as Format)} aria-describedby="export-format-hint">
              {exportFormats.map((f) => (
                <option key={f} value={f} disabled={f === 'pdf' && !pdf}>
                  {t(`exportDialog.formats.${f}`)}
                </option>
              ))}
            </select>
            <p id="export-format-hint" className="field-hint">
              {!pdf ? t('exportDialog.pdfUnavailable') : dataOnly ? t('exportDialog.dataOnly') : t('exportDialog.formatHint')}
            </p>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="export-language">{t('exportDialog.language')}</label>
              <select id="export-language" value={language} onChange={(e) => setLanguage(e.target.value as UiLanguage)}>
                {uiLanguages.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {languageName(l, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="export-second">{t('exportDialog.secondLanguage')}</label>
              <select id="export-second" value={secondLanguage} disabled={dataOnly} onChange={(e) => setSecondLanguage(e.target.value as UiLanguage | '')}>
                <option value="">{t('exportDialog.none')}</option>
                {uiLanguages
                  .filter((l) => l !== language)
                  .map((l) => (
                    <option key={l} value={l} lang={l}>
                      {languageName(l, i18n.language)}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="export-classification">{t('exportDialog.classification')}</label>
              <select id="export-classification" value={classification} disabled={dataOnly} onChange={(e) => setClassification(e.target.value as Classification)}>
                <option value="">{t('exportDialog.classificationNone')}</option>
                {classificationPresets.map((c) => (
                  <option key={c} value={c}>
                    {t(`exportDialog.classifications.${c}`)}
                  </option>
                ))}
                <option value="custom">{t('exportDialog.classificationCustom')}</option>
              </select>
            </div>
          </div>
          {classification === 'custom' && !dataOnly && (
            <div className="field">
              <label htmlFor="export-classification-text">{t('exportDialog.classificationText')}</label>
              <input id="export-classification-text" type="text" maxLength={120} value={classificationText} onChange={(e) => setClassificationText(e.target.value)} />
            </div>
          )}
          <label className="choice">
            <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
            {t('exportDialog.redact')}
          </label>
          <p role="status" className="export-status">
            {state.kind === 'working' && t('exportDialog.working')}
            {state.kind === 'done' && t('exportDialog.doneChecked', { file: state.file.fileName, checked: checkText(t, state.file) })}
          </p>
          {state.kind === 'error' && (
            <p className="error-box" role="alert">
              {errorText(state.error)}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={state.kind === 'working'}>
              {t('exportDialog.submit')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('exportDialog.close')}
            </button>
          </div>
        </form>
        )}
      </Modal>
    </>
  );
}
