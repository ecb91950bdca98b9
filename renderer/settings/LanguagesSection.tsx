import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { packFormats, type LanguageListing, type LanguagePackImport, type PackFormat, type PackLocation, type PackProblem, type PackRefusal } from '../../core/i18n/language-pack/types';
import { toBase64 } from '../../core/report/bytes';
import { isUiLanguage, languageName, uiLanguages, type UiLanguage } from '../../locales/languages';
import { call, request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useLanguageStatus } from '../components/language-status';
import { download } from '../export/download';
import { formatDate } from '../format';
import { useLoad } from '../hooks/useLoad';
import { reloadLanguage } from '../i18n';

type Installing = { kind: 'idle' } | { kind: 'working'; file: string } | { kind: 'done'; file: string; result: LanguagePackImport } | { kind: 'refused'; file: string; refusal: PackRefusal } | { kind: 'error'; error: ApiError };

function isRefusal(details: unknown): details is PackRefusal {
  return typeof details === 'object' && details !== null && Array.isArray((details as PackRefusal).problems);
}

/** The eight languages with how far each can be trusted, and language packs: exported for translators, installed from their files. */
export function LanguagesSection() {
  const { t } = useTranslation();
  const [changes, setChanges] = useState(0);
  const listing = useLoad(() => request('listLanguages', {}), `languages-${changes}`);
  const changed = async (language: UiLanguage) => {
    await reloadLanguage(language);
    setChanges((n) => n + 1);
  };
  return (
    <section className="panel languages-settings" aria-labelledby="languages-title">
      <h2 id="languages-title">{t('settings.languages.heading')}</h2>
      <p className="muted">{t('settings.languages.intro')}</p>
      {listing.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {listing.kind === 'error' && <ErrorMessage error={listing.error} />}
      {listing.kind === 'ready' && <LanguageTable languages={listing.data} onChanged={changed} />}
      <ExportPack />
      <ImportPack onInstalled={changed} />
    </section>
  );
}

function LanguageTable({ languages, onChanged }: { languages: LanguageListing[]; onChanged: (language: UiLanguage) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const status = useLanguageStatus();
  const [error, setError] = useState<ApiError | undefined>();
  const remove = async (language: UiLanguage) => {
    const result = await call('removeLanguagePack', { language });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    await onChanged(language);
  };
  const percent = (value: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  return (
    <>
      <div className="table-scroll">
        <table className="data-table languages-table">
          <caption className="sr-only">{t('settings.languages.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.languages.columns.language')}</th>
              <th scope="col">{t('settings.languages.columns.status')}</th>
              <th scope="col">{t('settings.languages.columns.completeness')}</th>
              <th scope="col">{t('settings.languages.columns.pack')}</th>
            </tr>
          </thead>
          <tbody>
            {languages.map((language) => (
              <tr key={language.code}>
                <th scope="row">
                  <span lang={language.code}>{language.nativeName}</span>{' '}
                  <span className="muted">
                    (<bdi>{language.code}</bdi>)
                  </span>
                </th>
                <td>{status(language.code).text}</td>
                <td>{t('settings.languages.completeness', { ui: percent(language.completeness.ui), framework: percent(language.completeness.framework) })}</td>
                <td>
                  {language.pack ? (
                    <>
                      <bdi>{language.pack.fileName}</bdi> · {formatDate(language.pack.installedAt, i18n.language)}{' '}
                      <button type="button" className="link-button" onClick={() => void remove(language.code)}>
                        {t('settings.languages.remove', { language: language.nativeName })}
                      </button>
                    </>
                  ) : (
                    <span className="muted">{t('settings.languages.noPack')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <ErrorMessage error={error} />}
    </>
  );
}

function ExportPack() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [language, setLanguage] = useState<UiLanguage>(isUiLanguage(i18n.language) && i18n.language !== 'en' ? i18n.language : 'ja');
  const [format, setFormat] = useState<PackFormat>('xliff');
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string } | { kind: 'error'; error: ApiError }>({ kind: 'idle' });
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'working' });
    const result = await call('exportLanguagePack', { language, format });
    if (!result.ok) return setState({ kind: 'error', error: result.error });
    download(result.data);
    setState({ kind: 'done', file: result.data.fileName });
  };
  return (
    <form className="language-pack-form" onSubmit={(event) => void run(event)}>
      <h3>{t('settings.languages.export.heading')}</h3>
      <p className="muted">{t('settings.languages.export.hint')}</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('settings.languages.columns.language')}</label>
          <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value as UiLanguage)}>
            {uiLanguages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('settings.languages.export.format')}</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as PackFormat)}>
            {packFormats.map((f) => (
              <option key={f} value={f}>
                {t(`settings.languages.export.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={state.kind === 'working'}>
          {t('settings.languages.export.submit')}
        </button>
      </div>
      <p role="status">
        {state.kind === 'working' && t('settings.languages.export.working')}
        {state.kind === 'done' && t('settings.languages.export.done', { file: state.file })}
      </p>
      {state.kind === 'error' && <ErrorMessage error={state.error} />}
    </form>
  );
}

function ImportPack({ onInstalled }: { onInstalled: (language: UiLanguage) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<Installing>({ kind: 'idle' });
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setState({ kind: 'working', file: file.name });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await call('importLanguagePack', { fileName: file.name, contentBase64: toBase64(bytes) });
    if (!result.ok) {
      setState(isRefusal(result.error.details) ? { kind: 'refused', file: file.name, refusal: result.error.details } : { kind: 'error', error: result.error });
      return;
    }
    await onInstalled(result.data.language);
    setState({ kind: 'done', file: file.name, result: result.data });
  };
  return (
    <div className="language-pack-form">
      <h3>{t('settings.languages.import.heading')}</h3>
      <p className="muted" id="pack-import-hint">
        {t('settings.languages.import.hint')}
      </p>
      <label className="button file-button">
        {t('settings.languages.import.choose')}
        <input type="file" className="visually-hidden-input" accept=".xlf,.xliff,.xlsx" aria-describedby="pack-import-hint" onChange={(event) => void choose(event)} disabled={state.kind === 'working'} />
      </label>
      <div role="status">
        {state.kind === 'working' && <p>{t('settings.languages.import.working', { file: state.file })}</p>}
        {state.kind === 'done' && (
          <div className="notice">
            <p>{t('settings.languages.import.done', { file: state.file, language: languageName(state.result.language, i18n.language), count: state.result.units })}</p>
            {state.result.warnings.length > 0 && (
              <>
                <p>{t('settings.languages.import.warnings')}</p>
                <ul className="pack-problems">
                  {state.result.warnings.map((w) => (
                    <li key={w.key}>
                      <Where location={w.location} /> {t('settings.languages.import.tooLong', { key: w.key, length: w.length, maxLength: w.maxLength })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      {state.kind === 'refused' && (
        <div className="notice pack-refused" role="alert">
          <p>{t('settings.languages.import.refused', { file: state.file })}</p>
          <ul className="pack-problems">
            {state.refusal.problems.map((problem, i) => (
              <li key={i}>
                <Problem problem={problem} />
              </li>
            ))}
          </ul>
          {state.refusal.more > 0 && <p>{t('settings.languages.import.more', { count: state.refusal.more })}</p>}
        </div>
      )}
      {state.kind === 'error' && <ErrorMessage error={state.error} />}
    </div>
  );
}

function Where({ location }: { location: PackLocation | undefined }) {
  const { t } = useTranslation();
  if (!location) return null;
  return <strong>{'line' in location ? t('settings.languages.import.line', { line: location.line }) : t('settings.languages.import.row', { sheet: location.sheet, row: location.row })}:</strong>;
}

/** One reason a file was refused, in the UI language; the key and the placeholders stay as the file has them. */
function Problem({ problem }: { problem: PackProblem }) {
  const { t } = useTranslation();
  const placeholders = problem.code === 'placeholder-missing' || problem.code === 'placeholder-unknown';
  const list = (values: string[] | undefined) => (values ?? []).map((v) => (placeholders ? `{{${v}}}` : v)).join(', ');
  return (
    <>
      <Where location={problem.location} /> {t(`settings.languages.problems.${problem.code}`, { key: problem.key ?? '', expected: list(problem.expected), found: list(problem.found) })}
    </>
  );
}
