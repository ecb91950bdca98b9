import { useTranslation } from 'react-i18next';
import { AssessorField } from './AssessorField';
import { LanguagesField } from './LanguagesField';
import { PeriodFields } from './PeriodFields';
import { TeamEditor } from './TeamEditor';

export function TeamStep() {
  const { t } = useTranslation();
  return (
    <>
      <TeamEditor />
      <AssessorField />
      <h3>{t('setup.period.heading')}</h3>
      <PeriodFields />
      <LanguagesField />
    </>
  );
}
