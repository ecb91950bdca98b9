import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/context';

/** "You are": kept in the data folder's settings (setAssessorName), and named as the author of each change you make. */
export function AssessorField() {
  const { t } = useTranslation();
  const { assessment, assessor, setAssessor } = useWorkspace();
  const names = assessment.team.map((m) => m.name);
  const options = assessor && !names.includes(assessor) ? [assessor, ...names] : names;
  return (
    <div className="field">
      <label htmlFor="assessor">{t('setup.you.label')}</label>
      <select id="assessor" value={assessor} aria-describedby="assessor-hint" onChange={(event) => setAssessor(event.target.value)}>
        <option value="">{t('setup.you.none')}</option>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <p id="assessor-hint" className="field-hint">
        {t('setup.you.hint')}
      </p>
    </div>
  );
}
