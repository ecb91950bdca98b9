import { useTranslation } from 'react-i18next';
import { href } from '../route';

/** The guide section (docs/framework.md `{#rating}`) that says how to rate an indicator from evidence. */
export const RATING_SECTION = 'rating';

/** "How to rate this": opens the assessor's guide at the rating rules. */
export function HowToRateLink() {
  const { t } = useTranslation();
  return (
    <a className="how-to-rate" href={href({ screen: 'help', section: RATING_SECTION })}>
      {t('help.howToRate')}
    </a>
  );
}
