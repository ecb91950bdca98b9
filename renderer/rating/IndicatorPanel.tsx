import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorPlace } from '../../core/framework/summary';
import { pickText } from '../../core/model/pick-text';
import type { Patch } from '../hooks/useAutosave';
import { useLevelKeys } from '../hooks/useLevelKeys';
import { useWorkspace } from '../workspace/context';
import { AttachmentsPanel } from './AttachmentsPanel';
import { BaselineNote } from './BaselineNote';
import { ConfidenceField } from './ConfidenceField';
import { Guidance } from './Guidance';
import { HowToRateLink } from '../help/HowToRateLink';
import { IndicatorHistory } from './IndicatorHistory';
import { LevelChoice } from './LevelChoice';
import { NotesField } from './NotesField';
import { OtherAnswers } from './OtherAnswers';
import { SessionInputs } from './SessionInputs';
import { Pager } from '../components/Pager';

interface Props {
  place: IndicatorPlace;
  secondLanguage: string | undefined;
  previous: string | undefined;
  next: string | undefined;
}

export function IndicatorPanel({ place, secondLanguage, previous, next }: Props) {
  const { t, i18n } = useTranslation();
  const { assessment, framework, readOnly, editResponse, autosave } = useWorkspace();
  const { domain, capability, indicator } = place;
  const d = framework.domains.indexOf(domain) + 1;
  const c = domain.capabilities.indexOf(capability) + 1;
  const number = `${d}.${c}.${capability.indicators.indexOf(indicator) + 1}`;
  const response = assessment.responses[indicator.id];
  const heading = useRef<HTMLHeadingElement>(null);
  const change = (patch: Patch, immediately: boolean) => editResponse(indicator.id, patch, immediately);

  // After "next indicator" the old link is gone; put focus where the new indicator starts.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus();
  }, []);

  useLevelKeys(!readOnly, (level) => {
    change({ rating: { kind: 'level', level } }, true);
    document.getElementById(`level-${level}`)?.focus();
  });

  const text = (value: Parameters<typeof pickText>[0], language = i18n.language) => pickText(value, language);

  return (
    <article className="indicator" aria-labelledby="indicator-question">
      <p className="breadcrumb">
        {d}. {text(domain.title)} › {d}.{c} {text(capability.title)}
      </p>
      <p className="indicator-number">
        {t('assess.indicatorOf', { number })} <HowToRateLink />
      </p>
      <div className={secondLanguage ? 'bilingual' : undefined}>
        <h2 id="indicator-question" ref={heading} tabIndex={-1}>
          {text(indicator.question)}
        </h2>
        {secondLanguage && (
          <p className="question-second" lang={secondLanguage}>
            {text(indicator.question, secondLanguage)}
          </p>
        )}
      </div>
      <BaselineNote indicatorId={indicator.id} />
      <SessionInputs indicatorId={indicator.id} />
      <LevelChoice indicator={indicator} rating={response?.rating} secondLanguage={secondLanguage} onChoose={(level) => change({ rating: { kind: 'level', level } }, true)} />
      <OtherAnswers rating={response?.rating} onChange={change} />
      {response?.rating?.kind === 'level' && <ConfidenceField value={response.confidence} onChange={(confidence) => change({ confidence }, true)} />}
      <NotesField value={response?.notes ?? ''} onChange={(notes) => change({ notes }, false)} onBlur={() => void autosave.flush()} />
      <label className="choice flag">
        <input type="checkbox" checked={response?.flagged ?? false} disabled={readOnly} onChange={(event) => change({ flagged: event.target.checked }, true)} />
        {t('assess.flag')}
      </label>
      <AttachmentsPanel indicatorId={indicator.id} />
      <Guidance indicator={indicator} />
      <IndicatorHistory indicatorId={indicator.id} />
      <Pager previous={previous} next={next} />
    </article>
  );
}
