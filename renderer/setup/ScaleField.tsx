import { useTranslation } from 'react-i18next';

export type ScaleKind = 'level' | 'donor';

/** A 0–3 scale as radio buttons, with "not assessed" where the value is optional. */
export function ScaleField({ name, legend, hint, kind, value, optional, disabled, onChange }: {
  name: string;
  legend: string;
  hint?: string;
  kind: ScaleKind;
  value: number | undefined;
  optional: boolean;
  disabled: boolean;
  onChange: (value: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const values: Array<number | undefined> = [...(optional ? [undefined] : []), 0, 1, 2, 3];
  return (
    <fieldset className="field scale" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="scale-options">
        {values.map((v) => (
          <label key={v ?? 'none'} className={`scale-option ${value === v ? 'selected' : ''}`}>
            <input type="radio" name={name} checked={value === v} disabled={disabled} onChange={() => onChange(v)} />
            {v === undefined ? t('setup.scale.none') : t(`setup.scale.${kind}${v as 0 | 1 | 2 | 3}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
