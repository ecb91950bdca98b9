import { useTranslation } from 'react-i18next';
import { scopeKinds, type ScopeKind } from '../../core/model/vocabulary';

export interface ScopeValue {
  kind: ScopeKind;
  name: string;
}

/** National, a named agency, or a sector: the name is asked for only when it means something. */
export function ScopeFields({ value, onChange, onBlur, disabled = false }: { value: ScopeValue; onChange: (value: ScopeValue) => void; onBlur?: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
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
          <input id="scope-name" value={value.name} maxLength={500} disabled={disabled} onChange={(event) => onChange({ ...value, name: event.target.value })} onBlur={onBlur} />
        </div>
      )}
    </>
  );
}
