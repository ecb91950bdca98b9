import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { assessmentModes } from '../../core/model/vocabulary';
import { call } from '../api';
import { CountryPicker } from '../components/CountryPicker';
import { ErrorMessage } from '../components/ErrorMessage';
import { href, navigate } from '../route';

export function CreateScreen() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [country, setCountry] = useState('');
  const [mode, setMode] = useState<(typeof assessmentModes)[number]>('field');
  const [scope, setScope] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();

  const titleError = tried && title.trim() === '' ? t('create.titleRequired') : undefined;
  const countryError = tried && country === '' ? t('create.countryRequired') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (title.trim() === '' || country === '') return;
    setBusy(true);
    const result = await call('createAssessment', { title: title.trim(), country, mode, scope: scope.trim() });
    setBusy(false);
    if (result.ok) navigate({ screen: 'assessment', id: result.data.id, view: 'rate' });
    else setFailure(result.error);
  };

  return (
    <div className="page page-narrow">
      <h1>{t('create.heading')}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="title">{t('create.titleLabel')}</label>
          <input id="title" value={title} maxLength={200} aria-invalid={Boolean(titleError)} aria-describedby="title-hint title-error" onChange={(e) => setTitle(e.target.value)} />
          <p id="title-hint" className="field-hint">
            {t('create.titleHint')}
          </p>
          {titleError && (
            <p id="title-error" className="field-error">
              {titleError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="country">
            {t('create.countryLabel')}
          </label>
          <CountryPicker inputId="country" value={country} onChange={setCountry} invalid={Boolean(countryError)} describedBy="country-hint country-error" />
          <p id="country-hint" className="field-hint">
            {t('create.countryHint')}
          </p>
          {countryError && (
            <p id="country-error" className="field-error">
              {countryError}
            </p>
          )}
        </div>
        <fieldset className="field">
          <legend>{t('create.modeLabel')}</legend>
          {assessmentModes.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="scope">{t('create.scopeLabel')}</label>
          <input id="scope" value={scope} maxLength={500} aria-describedby="scope-hint" onChange={(e) => setScope(e.target.value)} />
          <p id="scope-hint" className="field-hint">
            {t('create.scopeHint')}
          </p>
        </div>
        {failure && <ErrorMessage error={failure} />}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('create.submit')}
          </button>
          <a className="button" href={href({ screen: 'home' })}>
            {t('create.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
