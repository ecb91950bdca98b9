import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorPlace } from '../../core/framework/summary';
import type { IndicatorResponse } from '../../core/model/assessment';
import { confidenceLevels } from '../../core/model/vocabulary';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import type { Patch } from '../hooks/useAutosave';

interface Props {
  framework: Framework;
  place: IndicatorPlace;
  response: IndicatorResponse | undefined;
  /** `immediately` for discrete choices; typing is debounced. */
  onChange: (patch: Patch, immediately: boolean) => void;
  onBlur: () => void;
  previous: string | undefined;
  next: string | undefined;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function IndicatorPanel({ framework, place, response, onChange, onBlur, previous, next }: Props) {
  const { t, i18n } = useTranslation();
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, i18n.language);
  const { domain, capability, indicator } = place;
  const d = framework.domains.indexOf(domain) + 1;
  const c = domain.capabilities.indexOf(capability) + 1;
  const number = `${d}.${c}.${capability.indicators.indexOf(indicator) + 1}`;
  const rating = response?.rating;
  const [choosingNa, setChoosingNa] = useState(rating?.kind === 'notApplicable');
  const [reason, setReason] = useState(rating?.kind === 'notApplicable' ? rating.reason : '');
  const [notes, setNotes] = useState(response?.notes ?? '');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const level = Number(event.key);
      if (Number.isInteger(level) && level >= 1 && level <= 5) {
        event.preventDefault();
        setChoosingNa(false);
        onChange({ rating: { kind: 'level', level } }, true);
        document.getElementById(`level-${level}`)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onChange]);

  const reasonMissing = choosingNa && reason.trim() === '';

  return (
    <article className="indicator" aria-labelledby="indicator-question">
      <p className="breadcrumb">
        {d}. {text(domain.title)} › {d}.{c} {text(capability.title)}
      </p>
      <p className="indicator-number">{t('assess.indicatorOf', { number })}</p>
      <h2 id="indicator-question">{text(indicator.question)}</h2>

      <fieldset className="levels">
        <legend>
          {t('assess.chooseLevel')} <span className="muted">— {t('assess.keyboardHint')}</span>
        </legend>
        <div className="level-grid">
          {framework.levels.map((level, i) => {
            const checked = rating?.kind === 'level' && rating.level === level.level;
            return (
              <label key={level.level} className={`level-card ${checked ? 'selected' : ''}`}>
                <input
                  id={`level-${level.level}`}
                  type="radio"
                  name="level"
                  checked={checked}
                  onChange={() => {
                    setChoosingNa(false);
                    onChange({ rating: { kind: 'level', level: level.level } }, true);
                  }}
                />
                <span className="level-name">
                  {level.level} · {text(level.name)}
                </span>
                <span className="level-descriptor">{text(indicator.descriptors[i]!)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>

      <div className="other-answers" role="group" aria-label={t('assess.chooseLevel')}>
        <button type="button" className="button" aria-pressed={choosingNa} onClick={() => {
          setChoosingNa(true);
          if (reason.trim() !== '') onChange({ rating: { kind: 'notApplicable', reason: reason.trim() } }, true);
          setTimeout(() => document.getElementById('na-reason')?.focus(), 0);
        }}>
          {t('assess.notApplicable')}
        </button>
        <button type="button" className="button" aria-pressed={rating?.kind === 'unknown'} onClick={() => {
          setChoosingNa(false);
          onChange({ rating: { kind: 'unknown' } }, true);
        }}>
          {t('assess.unknown')}
        </button>
        <button type="button" className="button button-quiet" disabled={!rating && !choosingNa} onClick={() => {
          setChoosingNa(false);
          setReason('');
          onChange({ rating: null, confidence: null }, true);
        }}>
          {t('assess.clear')}
        </button>
      </div>

      {choosingNa && (
        <div className="field">
          <label htmlFor="na-reason">{t('assess.notApplicableReason')}</label>
          <textarea
            id="na-reason"
            rows={2}
            value={reason}
            aria-invalid={reasonMissing}
            aria-describedby={reasonMissing ? 'na-reason-error' : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              if (event.target.value.trim() !== '') onChange({ rating: { kind: 'notApplicable', reason: event.target.value.trim() } }, false);
            }}
            onBlur={onBlur}
          />
          {reasonMissing && (
            <p id="na-reason-error" className="field-error">
              {t('assess.notApplicableReasonRequired')}
            </p>
          )}
        </div>
      )}

      {rating?.kind === 'level' && (
        <fieldset className="field confidence">
          <legend>{t('assess.confidence')}</legend>
          {confidenceLevels.map((level) => (
            <label key={level} className="choice">
              <input type="radio" name="confidence" checked={response?.confidence === level} onChange={() => onChange({ confidence: level }, true)} />
              {t(`confidence.${level}`)}
            </label>
          ))}
        </fieldset>
      )}

      <div className="field">
        <label htmlFor="notes">{t('assess.notes')}</label>
        <textarea
          id="notes"
          rows={6}
          value={notes}
          aria-describedby="notes-hint"
          onChange={(event) => {
            setNotes(event.target.value);
            onChange({ notes: event.target.value }, false);
          }}
          onBlur={onBlur}
        />
        <p id="notes-hint" className="field-hint">
          {t('assess.notesHint')}
        </p>
      </div>

      <label className="choice">
        <input type="checkbox" checked={response?.flagged ?? false} onChange={(event) => onChange({ flagged: event.target.checked }, true)} />
        {t('assess.flag')}
      </label>

      <details className="help" open>
        <summary>{t('assess.guidance')}</summary>
        <p>{text(indicator.guidance)}</p>
        <h3>{t('assess.evidenceExamples')}</h3>
        <ul>
          {indicator.evidenceExamples.map((example, i) => (
            <li key={i}>{text(example)}</li>
          ))}
        </ul>
        <h3>{t('assess.refs')}</h3>
        <p className="refs">{indicator.refs.map((ref) => `${ref.source} ${ref.id}`).join(' · ')}</p>
      </details>

      <nav className="pager" aria-label={t('assess.next')}>
        {previous ? (
          <a className="button" href={previous}>
            ← {t('assess.previous')}
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a className="button button-primary" href={next}>
            {t('assess.next')} →
          </a>
        )}
      </nav>
    </article>
  );
}
