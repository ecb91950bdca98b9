import { useTranslation } from 'react-i18next';
import { Arrow } from './Arrow';

/** Previous / next indicator links, shared by rating and capture. */
export function Pager({ previous, next }: { previous: string | undefined; next: string | undefined }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('assess.pager')}>
      {previous ? (
        <a className="button" href={previous}>
          <Arrow to="back" /> {t('assess.previous')}
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a className="button button-primary" href={next}>
          {t('assess.next')} <Arrow to="forward" />
        </a>
      )}
    </nav>
  );
}
