import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { Assessment, AssessmentSummary } from '../../core/model/assessment';
import type { AssessmentMode } from '../../core/model/vocabulary';
import { call } from '../api';
import { CountryPicker } from '../components/CountryPicker';
import { ErrorMessage } from '../components/ErrorMessage';
import { storeAssessor, useLastAssessor } from '../hooks/useAssessor';
import { href, navigate } from '../route';
import { BaselinePicker } from './BaselinePicker';
import { scopeNameMissing } from '../../core/model/scope';
import { ModeField } from './ModeField';
import { ScopeFields, type ScopeValue } from './ScopeFields';
import { Stepper } from './Stepper';

export function CreateForm({ assessments, baseline }: { assessments: AssessmentSummary[]; baseline: Assessment | undefined }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(baseline ? t('create.followUpTitle', { title: baseline.title }) : '');
  const [country, setCountry] = useState(baseline?.country ?? '');
  const [mode, setMode] = useState<AssessmentMode>(baseline?.mode ?? 'field');
  const [scope, setScope] = useState<ScopeValue>(baseline?.scope ?? { kind: 'national', name: '' });
  const [you, setYou] = useLastAssessor();
  const [baselineId, setBaselineId] = useState(baseline?.id ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();

  const titleError = tried && title.trim() === '' ? t('create.titleRequired') : undefined;
  const countryError = tried && country === '' ? t('create.countryRequired') : undefined;
  const previous = assessments.filter((a) => a.country === country);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (title.trim() === '') return document.getElementById('title')?.focus();
    if (country === '') return document.getElementById('country')?.focus();
    if (scopeNameMissing(scope)) return document.getElementById('scope-name')?.focus();
    setBusy(true);
    const name = you.trim();
    const chosenBaseline = previous.some((a) => a.id === baselineId) ? baselineId : undefined;
    const result = await call('createAssessment', {
      title: title.trim(),
      country,
      mode,
      scope: { kind: scope.kind, name: scope.kind === 'national' ? '' : scope.name.trim() },
      // A follow-up carries the baseline's team over; otherwise the team starts with you.
      ...(chosenBaseline ? { baselineId: chosenBaseline } : name ? { team: [{ name, role: '' }] } : {}),
      by: name || undefined,
    });
    if (!result.ok) {
      setBusy(false);
      setFailure(result.error);
      return;
    }
    const created = result.data;
    storeAssessor(created.id, name);
    if (name && !created.team.some((m) => m.name === name)) {
      await call('addTeamMember', { id: created.id, member: { name, role: '' }, by: name });
    }
    navigate({ screen: 'assessment', id: created.id, view: 'setup', step: 'team' });
  };

  return (
    <>
      <h1>{baseline ? t('create.followUpHeading') : t('create.heading')}</h1>
      <Stepper current="basics" assessmentId={undefined} />
      <form onSubmit={(event) => void submit(event)} noValidate className="form-panel">
        <h2>{t('setup.steps.basics')}</h2>
        {baseline && <p className="notice">{t('create.followUpNotice', { title: baseline.title })}</p>}
        <div className="field">
          <label htmlFor="title">{t('create.titleLabel')}</label>
          <input id="title" value={title} maxLength={200} aria-invalid={Boolean(titleError)} aria-describedby={titleError ? 'title-hint title-error' : 'title-hint'} onChange={(e) => setTitle(e.target.value)} />
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
          <label htmlFor="country">{t('create.countryLabel')}</label>
          <CountryPicker inputId="country" value={country} onChange={setCountry} invalid={Boolean(countryError)} describedBy={countryError ? 'country-hint country-error' : 'country-hint'} />
          <p id="country-hint" className="field-hint">
            {t('create.countryHint')}
          </p>
          {countryError && (
            <p id="country-error" className="field-error">
              {countryError}
            </p>
          )}
        </div>
        {previous.length > 0 && <BaselinePicker options={previous} value={baselineId} onChange={setBaselineId} />}
        <ScopeFields value={scope} onChange={setScope} showErrors={tried} />
        <ModeField value={mode} onChange={setMode} />
        <div className="field">
          <label htmlFor="you">{t('create.youLabel')}</label>
          <input id="you" value={you} maxLength={200} autoComplete="name" aria-describedby="you-hint" onChange={(e) => setYou(e.target.value)} />
          <p id="you-hint" className="field-hint">
            {t('create.youHint')}
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
    </>
  );
}
