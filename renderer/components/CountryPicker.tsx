import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryAliases, countryName, countryOptions, matchCountries, type CountryOption } from '../../core/model/countries';
import { foldForSearch } from '../../core/search/fold';

const maxShown = 8;

/** An ARIA combobox over localized country names (Intl.DisplayNames); arrows move, Enter picks. */
export function CountryPicker({ inputId, value, onChange, invalid, describedBy }: { inputId: string; value: string; onChange: (code: string) => void; invalid: boolean; describedBy: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const options = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const [query, setQuery] = useState(value ? countryName(value, i18n.language) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = matchCountries(options, query);
  const shown = matches.slice(0, maxShown);
  // "Viet Nam" typed in a Japanese UI lists ベトナム: the name that matched is shown beside it.
  const needle = foldForSearch(query.trim());
  const aliasFor = (option: CountryOption) => {
    if (needle === '' || foldForSearch(option.name).includes(needle)) return null;
    const alias = [countryName(option.code, 'en'), ...(countryAliases[option.code] ?? [])].find((name) => foldForSearch(name).includes(needle));
    return alias ? <span className="muted">({alias})</span> : null;
  };

  const choose = (code: string) => {
    onChange(code);
    setQuery(countryName(code, i18n.language));
    setOpen(false);
  };

  return (
    <div className="combobox">
      <input
        id={inputId}
        role="combobox"
        aria-expanded={open && shown.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? `${id}-${shown[active].code}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange('');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, shown.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (event.key === 'Enter' && open && shown[active]) {
            event.preventDefault();
            choose(shown[active].code);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open && shown.length > 0 && (
        <ul id={`${id}-list`} role="listbox" className="combobox-list">
          {shown.map((option, index) => (
            <li
              key={option.code}
              id={`${id}-${option.code}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option.code);
              }}
            >
              {option.name} {aliasFor(option)} <span className="muted">{option.code}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="sr-only" aria-live="polite">
        {query.trim() !== '' && !value ? (matches.length === 0 ? t('create.countryNoMatch', { query }) : t('create.countryMatches', { count: matches.length })) : ''}
      </p>
      {open && query.trim() !== '' && matches.length === 0 && <p className="field-hint">{t('create.countryNoMatch', { query })}</p>}
    </div>
  );
}
