import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorPlace } from '../../core/framework/summary';
import type { InterviewSession } from '../../core/model/assessment';
import { pickText } from '../../core/model/pick-text';
import { formatDate, levelLabel } from '../format';
import { useLevelKeys } from '../hooks/useLevelKeys';
import { href } from '../route';
import { useWorkspace } from '../workspace/context';
import { Pager } from '../components/Pager';

interface Props {
  session: InterviewSession;
  place: IndicatorPlace;
  previous: string | undefined;
  next: string | undefined;
}

/** One indicator while capturing a session: a quick note and, if the evidence points to one, a level. */
export function CapturePanel({ session, place, previous, next }: Props) {
  const { t, i18n } = useTranslation();
  const { assessment, framework, readOnly, editInput, autosave } = useWorkspace();
  const { domain, capability, indicator } = place;
  const input = session.inputs[indicator.id];
  // The workspace's copy takes every keystroke at once, so it is what the fields show.
  const note = input?.note ?? '';
  const level = input?.level;
  const heading = useRef<HTMLHeadingElement>(null);
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, i18n.language);
  const d = framework.domains.indexOf(domain) + 1;
  const c = domain.capabilities.indexOf(capability) + 1;
  const number = `${d}.${c}.${capability.indicators.indexOf(indicator) + 1}`;
  const rating = assessment.responses[indicator.id]?.rating;

  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus();
  }, []);

  const save = (nextNote: string, nextLevel: number | undefined, immediately: boolean) => {
    const empty = nextNote.trim() === '' && nextLevel === undefined;
    editInput(session.id, indicator.id, empty ? null : { note: nextNote, level: nextLevel ?? null }, immediately);
  };

  useLevelKeys(!readOnly, (chosen) => {
    save(note, chosen, true);
    document.getElementById(`suggest-${chosen}`)?.focus();
  });

  return (
    <article className="indicator capture" aria-labelledby="capture-question">
      <div className="capture-session">
        <p>
          <strong>{t('capture.heading', { title: session.title || t('sessions.untitled') })}</strong>
        </p>
        <p className="muted">
          {formatDate(session.date, i18n.language)} · {t(`clusters.${session.cluster}`)} · {t('sessions.participantCount', { count: session.participants })}
          {session.nonAttributable && <span className="badge">{t('sessions.nonAttributableBadge')}</span>}{' '}
          <a href={href({ screen: 'assessment', id: assessment.id, view: 'sessions', sessionId: session.id })}>{t('capture.editSession')}</a>
        </p>
      </div>
      <p className="breadcrumb">
        {d}. {text(domain.title)} › {d}.{c} {text(capability.title)}
      </p>
      <p className="indicator-number">{t('assess.indicatorOf', { number })}</p>
      <h2 id="capture-question" ref={heading} tabIndex={-1}>
        {text(indicator.question)}
      </h2>
      <div className="field">
        <label htmlFor="quick-note">{t('capture.note')}</label>
        <textarea id="quick-note" rows={5} value={note} readOnly={readOnly} aria-describedby="quick-note-hint" onChange={(e) => save(e.target.value, level, false)} onBlur={() => void autosave.flush()} />
        <p id="quick-note-hint" className="field-hint">
          {session.nonAttributable ? t('capture.noteHintNonAttributable') : t('capture.noteHint')}
        </p>
      </div>
      <fieldset className="field suggest">
        <legend>
          {t('capture.suggested')} {!readOnly && <span className="muted">— {t('assess.keyboardHint')}</span>}
        </legend>
        <div className="choices">
          <label className="choice">
            <input type="radio" name="suggest" checked={level === undefined} disabled={readOnly} onChange={() => save(note, undefined, true)} />
            {t('capture.noLevel')}
          </label>
          {framework.levels.map((l) => (
            <label key={l.level} className="choice">
              <input id={`suggest-${l.level}`} type="radio" name="suggest" checked={level === l.level} disabled={readOnly} onChange={() => save(note, l.level, true)} />
              {levelLabel(framework, l.level, i18n.language)}
            </label>
          ))}
        </div>
      </fieldset>
      <details className="help">
        <summary>{t('capture.descriptors')}</summary>
        <ol className="descriptor-list">
          {framework.levels.map((l, i) => (
            <li key={l.level}>
              <strong>{levelLabel(framework, l.level, i18n.language)}:</strong> {text(indicator.descriptors[i]!)}
            </li>
          ))}
        </ol>
        <h3>{t('assess.guidance')}</h3>
        <p>{text(indicator.guidance)}</p>
      </details>
      <p className="muted">
        {t('capture.teamRating')}{' '}
        {rating ? (rating.kind === 'level' ? levelLabel(framework, rating.level, i18n.language) : rating.kind === 'notApplicable' ? t('assess.notApplicable') : t('assess.unknown')) : t('assess.unanswered')}{' '}
        <a href={href({ screen: 'assessment', id: assessment.id, view: 'rate', indicatorId: indicator.id })}>{t('capture.toRating')}</a>
      </p>
      <Pager previous={previous} next={next} />
    </article>
  );
}
