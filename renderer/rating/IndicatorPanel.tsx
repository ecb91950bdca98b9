import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorPlace } from '../../core/framework/summary';
import type { Confidence } from '../../core/model/vocabulary';
import { pickText } from '../../core/model/pick-text';
import { textDirection } from '../../locales/languages';
import { ContentLanguageNote } from '../components/language-status';
import { useLanguageFonts } from '../fonts';
import type { Patch } from '../hooks/useAutosave';
import { levelOfKey, useShortcutKeys } from '../hooks/useLevelKeys';
import { followHash } from '../route';
import { useWorkspace } from '../workspace/context';
import { AttachmentsPanel } from './AttachmentsPanel';
import { BaselineNote } from './BaselineNote';
import { Guidance } from './Guidance';
import { HowToRateLink } from '../help/HowToRateLink';
import { IndicatorHistory } from './IndicatorHistory';
import { LevelChoice } from './LevelChoice';
import { ratingText, sameAnswer } from './marks';
import { NotesField } from './NotesField';
import { NotApplicableReason, useNotApplicable } from './OtherAnswers';
import { RatingBar } from './RatingBar';
import { SessionInputs } from './SessionInputs';
import { ShortcutsHelp } from './ShortcutsHelp';

interface Props {
  place: IndicatorPlace;
  number: string;
  secondLanguage: string | undefined;
  previous: string | undefined;
  next: string | undefined;
}

const confidenceOfKey: Record<string, Confidence> = { l: 'low', m: 'medium', h: 'high' };

export function IndicatorPanel({ place, number, secondLanguage, previous, next }: Props) {
  const { t, i18n } = useTranslation();
  const { assessment, framework, readOnly, editResponse, autosave, undoOffer, offerUndo } = useWorkspace();
  const { domain, capability, indicator } = place;
  const response = assessment.responses[indicator.id];
  const heading = useRef<HTMLHeadingElement>(null);
  const article = useRef<HTMLElement>(null);
  const [help, setHelp] = useState(false);
  const closeHelp = useCallback(() => setHelp(false), []);

  /** Every change of this indicator; one that replaces or removes an answer can be undone. */
  const change = (patch: Patch, immediately: boolean) => {
    const before = response?.rating;
    if (patch.rating !== undefined && before && !sameAnswer(before, patch.rating ?? undefined)) {
      const beforeConfidence = response?.confidence ?? null;
      const after = patch.rating ?? undefined;
      offerUndo({
        message: after
          ? t('undo.changed', { number, from: ratingText(t, framework, before, i18n.language), to: ratingText(t, framework, after, i18n.language) })
          : t('undo.cleared', { number, from: ratingText(t, framework, before, i18n.language) }),
        undo: () => editResponse(indicator.id, { rating: before, confidence: beforeConfidence }, true),
      });
    }
    editResponse(indicator.id, patch, immediately);
  };
  const na = useNotApplicable(indicator.id, response?.rating, change);

  // The panel stays mounted from one indicator to the next. Focus that was on it (the Next link, a
  // level) or on nothing goes to where the new indicator starts, for keyboard and screen-reader users.
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body || (active !== heading.current && article.current?.contains(active))) heading.current?.focus();
  }, [indicator.id]);

  useShortcutKeys(true, (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
      if (!undoOffer || readOnly) return false;
      offerUndo(undefined);
      void undoOffer.undo();
      return true;
    }
    if (event.key === '?') {
      setHelp(true);
      return true;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    const go = event.key === ']' ? next : event.key === '[' ? previous : undefined;
    if (go) {
      followHash(go);
      return true;
    }
    if (readOnly) return false;
    const level = levelOfKey(event);
    if (level !== undefined) {
      change({ rating: { kind: 'level', level } }, true);
      document.getElementById(`level-${level}`)?.focus();
      return true;
    }
    const key = event.key.toLowerCase();
    if (key === 'n') na.choose();
    else if (key === 'u') change({ rating: { kind: 'unknown' } }, true);
    else if (key === 'f') change({ flagged: !(response?.flagged ?? false) }, true);
    else if (key === 'e') document.getElementById('notes')?.focus();
    else if (confidenceOfKey[key] && response?.rating?.kind === 'level') change({ confidence: confidenceOfKey[key] }, true);
    else return false;
    return true;
  });

  const text = (value: Parameters<typeof pickText>[0], language = i18n.language) => pickText(value, language);
  // The framework's own text stands in for a language it has no translation into.
  const shown = framework.languages.includes(i18n.language) ? i18n.language : 'en';
  useLanguageFonts([secondLanguage]);
  const d = framework.domains.indexOf(domain) + 1;
  const c = domain.capabilities.indexOf(capability) + 1;

  return (
    <article ref={article} className="indicator" aria-labelledby="indicator-question">
      <p className="indicator-place">
        <span className="indicator-number">{t('assess.indicatorOf', { number })}</span>
        <span className="breadcrumb" lang={shown} title={`${d}. ${text(domain.title)} › ${d}.${c} ${text(capability.title)}`}>
          {d}. {text(domain.title)} › {d}.{c} {text(capability.title)}
        </span>
        <HowToRateLink />
      </p>
      <ContentLanguageNote wanted={i18n.language} shown={shown} />
      {secondLanguage && <ContentLanguageNote wanted={secondLanguage} shown={secondLanguage} />}
      <div className={secondLanguage ? 'bilingual' : undefined}>
        <h2 id="indicator-question" ref={heading} tabIndex={-1} lang={shown} dir={textDirection(shown)}>
          {text(indicator.question)}
        </h2>
        {secondLanguage && (
          <p className="question-second" lang={secondLanguage} dir={textDirection(secondLanguage)}>
            {text(indicator.question, secondLanguage)}
          </p>
        )}
      </div>
      <LevelChoice indicator={indicator} rating={response?.rating} shown={shown} secondLanguage={secondLanguage} onChoose={(level) => change({ rating: { kind: 'level', level } }, true)} />
      <RatingBar response={response} na={na} previous={previous} next={next} onChange={change} onHelp={() => setHelp(true)} />
      <NotApplicableReason na={na} onChange={change} />
      <NotesField value={response?.notes ?? ''} onChange={(notes) => change({ notes }, false)} onBlur={() => void autosave.flush()} onLeave={() => heading.current?.focus()} />
      <SessionInputs indicatorId={indicator.id} />
      <BaselineNote indicatorId={indicator.id} />
      <AttachmentsPanel indicatorId={indicator.id} number={number} />
      <Guidance indicator={indicator} shown={shown} />
      <IndicatorHistory indicatorId={indicator.id} />
      <ShortcutsHelp open={help} onClose={closeHelp} />
    </article>
  );
}
