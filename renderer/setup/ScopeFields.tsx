import { useTranslation } from 'react-i18next';
import { scopeNameMissing, scopeNeedsName } from '../../core/model/scope';
import { scopeKinds, type ScopeKind } from '../../core/model/vocabulary';

export interface ScopeValue {
  kind: ScopeKind;
  name: string;
}

/**
 * National, a named agency, or a sector: the name is asked for only when it means something,
 * and required for an agency (the core refuses an agency scope without one).
 */
export function ScopeFields({
  value,
  onChange,
  onBlur,
  disabled = false,
  showErrors = true,
}: {
  value: ScopeValue;
  onChange: (value: ScopeValue) => void;
  onBlur?: () => void;
  disabled?: boolean;
  /** False until the user first tries to submit, so that a fresh form does not open in red. */
  showErrors?: boolean;
}) {
  const { t } = useTranslation();
  const missing = showErrors && scopeNameMissing(value);
  return (
    <>
      <fieldset className="field">
        <legend>{t('setup.scope.label')}</legend>
        <div className="choices">
          {scopeKinds.map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="scope-kind" value={kind} checked={value.kind === kind} disabled={disabled} onChange={() => onChange({ ...value, kind })} />
              {t(`setup.scope.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {value.kind !== 'national' && (
        <div className="field">
          <label htmlFor="scope-name">{t(`setup.scope.${value.kind}Name`)}</label>
          <input
            id="scope-name"
            value={value.name}
            maxLength={500}
            disabled={disabled}
            required={scopeNeedsName(value.kind)}
            aria-invalid={missing}
            aria-describedby={missing ? 'scope-name-error' : undefined}
            onChange={(event) => onChange({ ...value, name: event.target.value })}
            onBlur={onBlur}
          />
          {missing && (
            <p id="scope-name-error" className="field-error">
              {t('setup.scope.agencyNameRequired')}
            </p>
          )}
        </div>
      )}
    </>
  );
}
