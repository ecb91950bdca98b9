import { useTranslation } from 'react-i18next';
import { href, setupSteps, type SetupStep } from '../route';
import { useWorkspace } from '../workspace/context';
import { BasicsStep } from './BasicsStep';
import { ContextStep } from './ContextStep';
import { Stepper } from './Stepper';
import { TargetsStep } from './TargetsStep';
import { TeamStep } from './TeamStep';
import { Arrow } from '../components/Arrow';

/** The guided setup, also the "Setup" tab: every field saves as it changes. */
export function SetupView({ step }: { step: SetupStep }) {
  const { t } = useTranslation();
  const { assessment } = useWorkspace();
  const index = setupSteps.indexOf(step);
  const back = setupSteps[index - 1];
  const next = setupSteps[index + 1];
  const link = (s: SetupStep) => href({ screen: 'assessment', id: assessment.id, view: 'setup', step: s });
  return (
    <section className="panel setup" aria-labelledby="setup-heading">
      <Stepper current={step} assessmentId={assessment.id} />
      <h2 id="setup-heading" tabIndex={-1}>
        {t(`setup.steps.${step}`)}
      </h2>
      <p className="muted">{step === 'context' && assessment.mode === 'self' ? t('setup.context.selfIntro') : t(`setup.intro.${step}`)}</p>
      {step === 'basics' && <BasicsStep />}
      {step === 'team' && <TeamStep />}
      {step === 'targets' && <TargetsStep />}
      {step === 'context' && <ContextStep />}
      <nav className="step-footer" aria-label={t('setup.stepNavigation')}>
        {back ? (
          <a className="button" href={link(back)}>
            <Arrow to="back" /> {t('setup.back')}
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a className="button button-primary" href={link(next)}>
            {t('setup.next', { step: t(`setup.steps.${next}`) })} <Arrow to="forward" />
          </a>
        ) : (
          <span className="actions-inline">
            <a className={`button ${assessment.mode === 'field' ? 'button-primary' : ''}`} href={href({ screen: 'assessment', id: assessment.id, view: 'sessions' })}>
              {t('setup.finishSessions')}
            </a>
            <a className={`button ${assessment.mode === 'self' ? 'button-primary' : ''}`} href={href({ screen: 'assessment', id: assessment.id, view: 'rate' })}>
              {t('setup.finishRating')}
            </a>
          </span>
        )}
      </nav>
    </section>
  );
}
