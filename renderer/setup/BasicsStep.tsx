import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../core/model/countries';
import { href } from '../route';
import { useWorkspace } from '../workspace/context';
import { FrameworkMove } from './FrameworkMove';
import { ModeField } from './ModeField';
import { scopeNameMissing } from '../../core/model/scope';
import { ScopeFields, type ScopeValue } from './ScopeFields';

export function BasicsStep() {
  const { t, i18n } = useTranslation();
  const { assessment, baseline, readOnly, editSetup, autosave } = useWorkspace();
  const [title, setTitle] = useState(assessment.title);
  const titleMissing = title.trim() === '';
  // Kept here while it cannot be saved (an agency without a name), like the title above.
  const [scope, setScope] = useState<ScopeValue>(assessment.scope);
  const changeScope = (next: ScopeValue) => {
    setScope(next);
    if (!scopeNameMissing(next)) editSetup({ scope: next }, next.kind !== assessment.scope.kind);
  };
  return (
    <>
      <div className="field">
        <label htmlFor="title">{t('create.titleLabel')}</label>
        <input
          id="title"
          value={title}
          maxLength={200}
          disabled={readOnly}
          aria-invalid={titleMissing}
          aria-describedby={titleMissing ? 'title-error' : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            if (event.target.value.trim() !== '') editSetup({ title: event.target.value.trim() }, false);
          }}
          onBlur={() => void autosave.flush()}
        />
        {titleMissing && (
          <p id="title-error" className="field-error">
            {t('create.titleRequired')}
          </p>
        )}
      </div>
      <div className="field">
        <p className="field-label">{t('create.countryLabel')}</p>
        <p className="static-value">
          {countryName(assessment.country, i18n.language)} ({assessment.country})
        </p>
        <p className="field-hint">{t('setup.countryFixed')}</p>
      </div>
      {assessment.baselineId && (
        <p className="notice">
          {baseline ? t('setup.followUpOf', { title: baseline.title }) : t('setup.baselineMissing')}{' '}
          {baseline && <a href={href({ screen: 'assessment', id: baseline.id, view: 'review' })}>{t('setup.openBaseline')}</a>}
        </p>
      )}
      <ScopeFields value={scope} disabled={readOnly} onChange={changeScope} onBlur={() => void autosave.flush()} />
      <ModeField value={assessment.mode} disabled={readOnly} onChange={(mode) => editSetup({ mode }, true)} />
      <FrameworkMove />
    </>
  );
}
