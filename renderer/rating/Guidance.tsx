import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { useStateFor } from './useStateFor';

export function Guidance({ indicator, shown }: { indicator: Indicator; shown: string }) {
  const { t, i18n } = useTranslation();
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, i18n.language);
  // Closed again for each indicator, as the panel around it stays mounted.
  const [open, setOpen] = useStateFor(indicator.id, false);
  return (
    <details className="help" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('assess.guidance')}</summary>
      <p lang={shown}>{text(indicator.guidance)}</p>
      <h3>{t('assess.evidenceExamples')}</h3>
      <ul lang={shown}>
        {indicator.evidenceExamples.map((example, i) => (
          <li key={i}>{text(example)}</li>
        ))}
      </ul>
      <h3>{t('assess.stakeholders')}</h3>
      <p>{indicator.stakeholders.map((s) => t(`clusters.${s}`)).join(' · ')}</p>
      <h3>{t('assess.refs')}</h3>
      <p className="refs">
        {/* Source ids read left to right inside Arabic text too. */}
        <span dir="ltr">{indicator.refs.map((ref) => `${ref.source} ${ref.id}`).join(' · ')}</span>
      </p>
    </details>
  );
}
