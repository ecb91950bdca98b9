import { useTranslation } from 'react-i18next';
import type { CountryContext } from '../../core/model/assessment';
import { pickText } from '../../core/model/pick-text';
import { useWorkspace } from '../workspace/context';
import { ScaleField } from './ScaleField';

const factors = ['japaneseBusinessPresence', 'networkNodeImportance', 'absorptiveCapacity'] as const;
type Factor = (typeof factors)[number];

/**
 * Which factors each mode asks about. Japanese business presence and network-node importance are
 * a donor's reasons for choosing a country (design §1), not questions an agency assessing itself
 * answers; what it can say is what support it already receives and what it can take up.
 */
const askedIn: Record<'field' | 'self', readonly Factor[]> = { field: factors, self: ['absorptiveCapacity'] };

/** The country context the planner weighs (design §1): simple scales plus notes. */
export function ContextStep() {
  const { t, i18n } = useTranslation();
  const { assessment, framework, readOnly, editSetup, autosave } = useWorkspace();
  const context = assessment.context;
  const save = (next: CountryContext, immediately: boolean) => editSetup({ context: next }, immediately);
  const flush = () => void autosave.flush();
  const self = assessment.mode === 'self';

  return (
    <>
      <h3>{t(self ? 'setup.context.selfDonorHeading' : 'setup.context.donorHeading')}</h3>
      <p className="field-hint">{t(self ? 'setup.context.selfDonorHint' : 'setup.context.donorHint')}</p>
      {framework.domains.map((domain, d) => {
        const support = context.donorSupport[domain.id] ?? { extent: 0, who: '' };
        const setSupport = (patch: Partial<typeof support>, immediately: boolean) =>
          save({ ...context, donorSupport: { ...context.donorSupport, [domain.id]: { ...support, ...patch } } }, immediately);
        return (
          <div key={domain.id} className="donor-row">
            <ScaleField
              name={`donor-${domain.id}`}
              legend={`${d + 1}. ${pickText(domain.title, i18n.language)}`}
              kind="donor"
              value={support.extent}
              optional={false}
              disabled={readOnly}
              onChange={(extent) => setSupport({ extent: extent ?? 0 }, true)}
            />
            <div className="field">
              <label htmlFor={`donor-${domain.id}-who`}>{t(self ? 'setup.context.selfWho' : 'setup.context.who', { domain: `${d + 1}` })}</label>
              <input id={`donor-${domain.id}-who`} value={support.who} maxLength={50_000} disabled={readOnly} onChange={(e) => setSupport({ who: e.target.value }, false)} onBlur={flush} />
            </div>
          </div>
        );
      })}
      <h3>{t(self ? 'setup.context.selfFactorsHeading' : 'setup.context.factorsHeading')}</h3>
      {askedIn[assessment.mode].map((factor) => (
        <ScaleField
          key={factor}
          name={factor}
          legend={t(`setup.context.${factor}`)}
          hint={self && factor === 'absorptiveCapacity' ? t('setup.context.selfAbsorptiveCapacityHint') : t(`setup.context.${factor}Hint`)}
          kind="level"
          value={context[factor]}
          optional
          disabled={readOnly}
          onChange={(value) => {
            // Factors this mode does not ask about keep what was recorded (e.g. before the mode changed).
            const rest: CountryContext = { donorSupport: context.donorSupport, notes: context.notes };
            for (const other of factors) if (other !== factor && context[other] !== undefined) rest[other] = context[other];
            save(value === undefined ? rest : { ...rest, [factor]: value }, true);
          }}
        />
      ))}
      <div className="field">
        <label htmlFor="context-notes">{t(self ? 'setup.context.selfNotes' : 'setup.context.notes')}</label>
        <textarea id="context-notes" rows={5} value={context.notes} readOnly={readOnly} aria-describedby="context-notes-hint" onChange={(e) => save({ ...context, notes: e.target.value }, false)} onBlur={flush} />
        <p id="context-notes-hint" className="field-hint">
          {t(self ? 'setup.context.selfNotesHint' : 'setup.context.notesHint')}
        </p>
      </div>
    </>
  );
}
