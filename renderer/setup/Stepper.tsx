import { useTranslation } from 'react-i18next';
import { href, setupSteps, type SetupStep } from '../route';

/** The visible progress of the guided setup. Steps are links once the assessment exists. */
export function Stepper({ current, assessmentId }: { current: SetupStep; assessmentId: string | undefined }) {
  const { t } = useTranslation();
  const index = setupSteps.indexOf(current);
  return (
    <nav className="stepper" aria-label={t('setup.progress')}>
      <p className="stepper-count">{t('setup.stepOf', { step: index + 1, total: setupSteps.length })}</p>
      <ol>
        {setupSteps.map((step, i) => {
          const state = i < index ? 'done' : i === index ? 'current' : 'todo';
          const label = (
            <>
              <span className="stepper-number" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="stepper-label">{t(`setup.steps.${step}`)}</span>
            </>
          );
          return (
            <li key={step} className={`stepper-${state}`}>
              {assessmentId && state !== 'current' ? (
                <a href={href({ screen: 'assessment', id: assessmentId, view: 'setup', step })}>{label}</a>
              ) : (
                <span aria-current={state === 'current' ? 'step' : undefined}>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
