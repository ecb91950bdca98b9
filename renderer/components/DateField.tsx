import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, parseDateInput } from '../../core/i18n/date-input';
import './date-field.css';

interface Props {
  id: string;
  /** An ISO date, or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A date typed and shown as the UI language writes it ("Mar 3, 2026", "2026/03/03"). A native
 * date input follows the browser's or the OS's locale instead, so a Japanese team on an English
 * Windows would read US month/day order. The calendar button still opens the native picker.
 */
export function DateField({ id, value, onChange, disabled = false, invalid = false, describedBy }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => formatDateInput(value, i18n.language));
  const [unreadable, setUnreadable] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  // A value set from outside (the calendar) or a new UI language replaces what is typed, unless they agree.
  const [shown, setShown] = useState({ value, language: i18n.language });
  if (shown.value !== value || shown.language !== i18n.language) {
    setShown({ value, language: i18n.language });
    if (shown.language !== i18n.language || parseDateInput(text) !== value) setText(formatDateInput(value, i18n.language));
  }

  const errorId = `${id}-unreadable`;
  const described = [describedBy, unreadable ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <span className="date-field">
        <input
          id={id}
          type="text"
          value={text}
          disabled={disabled}
          placeholder={formatDateInput('2026-03-31', i18n.language)}
          autoComplete="off"
          aria-invalid={invalid || unreadable}
          aria-describedby={described}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = parseDateInput(event.target.value);
            if (parsed === undefined) return;
            setUnreadable(false);
            if (parsed !== value) onChange(parsed);
          }}
          onBlur={() => {
            const parsed = parseDateInput(text);
            setUnreadable(parsed === undefined);
            if (parsed !== undefined) setText(formatDateInput(parsed, i18n.language));
          }}
        />
        <button type="button" className="button button-small date-calendar" disabled={disabled} aria-label={t('date.calendar')} title={t('date.calendar')} onClick={() => picker.current?.showPicker()}>
          <span aria-hidden="true">📅</span>
        </button>
        <input ref={picker} type="date" className="date-picker-proxy" tabIndex={-1} aria-hidden="true" value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} />
      </span>
      {unreadable && (
        <p id={errorId} className="field-error">
          {t('date.unreadable', { example: formatDateInput('2026-03-31', i18n.language) })}
        </p>
      )}
    </>
  );
}
