import { useTranslation } from 'react-i18next';
import type { Rating } from '../../core/model/assessment';
import type { Indicator } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { textDirection } from '../../locales/languages';
import { useStoredState } from '../hooks/useStoredState';
import { useWorkspace } from '../workspace/context';

/** The five level descriptors side by side; in bilingual mode one row per level with both languages. */
/** `shown` is the language the framework's text appears in (English where the UI language has no translation). */
export function LevelChoice({ indicator, rating, shown, secondLanguage, onChoose }: { indicator: Indicator; rating: Rating | undefined; shown: string; secondLanguage: string | undefined; onChoose: (level: number) => void }) {
  const { t, i18n } = useTranslation();
  // Long descriptors are cut to a few lines so that all five levels fit a laptop screen; the full text is one click away.
  const [full, setFull] = useStoredState('ccat.fullDescriptors', '', 'local');
  const compact = full === '' && !secondLanguage;
  const { assessment, framework, baseline, readOnly } = useWorkspace();
  const previous = baseline?.responses[indicator.id]?.rating;
  // What the sessions suggested sits on the cards themselves: the session notes are further down.
  const suggested = (level: number) => assessment.sessions.filter((s) => s.inputs[indicator.id]?.level === level).map((s) => s.title || t('sessions.untitled'));
  return (
    <fieldset className={`levels ${compact ? 'levels-compact' : ''}`}>
      <legend>
        {t('assess.chooseLevel')} {!readOnly && <span className="muted">— {t('assess.keyboardHint')}</span>}
      </legend>
      {!secondLanguage && (
        <button type="button" className="link-button descriptors-toggle" aria-pressed={!compact} onClick={() => setFull(compact ? '1' : '')}>
          {t('assess.fullDescriptors')}
        </button>
      )}
      <div className={secondLanguage ? 'level-rows' : 'level-grid'}>
        {framework.levels.map((level, i) => {
          const checked = rating?.kind === 'level' && rating.level === level.level;
          const wasPrevious = previous?.kind === 'level' && previous.level === level.level;
          return (
            <label key={level.level} className={`level-card ${checked ? 'selected' : ''}`}>
              <input id={`level-${level.level}`} type="radio" name="level" checked={checked} disabled={readOnly} onChange={() => onChoose(level.level)} />
              <span className="level-name">
                {level.level} · <span lang={shown}>{pickText(level.name, i18n.language)}</span>
                {checked && <span className="level-chosen"> ✓</span>}
                {secondLanguage && (
                  <span className="level-name-second" lang={secondLanguage} dir={textDirection(secondLanguage)}>
                    {pickText(level.name, secondLanguage)}
                  </span>
                )}
              </span>
              {wasPrevious && <span className="badge badge-previous">{t('baseline.badge')}</span>}
              {suggested(level.level).length > 0 && (
                <span className="badge badge-suggested" title={suggested(level.level).join(', ')}>
                  {t('inputs.suggestedBy', { count: suggested(level.level).length })}
                </span>
              )}
              <span className="level-descriptor" lang={shown} dir={textDirection(shown)} title={compact ? pickText(indicator.descriptors[i]!, i18n.language) : undefined}>
                {pickText(indicator.descriptors[i]!, i18n.language)}
              </span>
              {secondLanguage && (
                <span className="level-descriptor level-descriptor-second" lang={secondLanguage} dir={textDirection(secondLanguage)}>
                  {pickText(indicator.descriptors[i]!, secondLanguage)}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
