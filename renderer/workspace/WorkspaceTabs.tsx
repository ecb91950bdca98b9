import { useTranslation } from 'react-i18next';
import { href, type AssessmentRoute, type Route } from '../route';
import { useWorkspace } from './context';

/** The parts of an assessment, in the order a field team works through them. */
export function WorkspaceTabs({ route }: { route: AssessmentRoute }) {
  const { t } = useTranslation();
  const { assessment } = useWorkspace();
  const id = assessment.id;
  const tabs: Array<{ key: string; label: string; to: Route; current: boolean }> = [
    { key: 'setup', label: t('tabs.setup'), to: { screen: 'assessment', id, view: 'setup', step: route.view === 'setup' ? route.step : 'basics' }, current: route.view === 'setup' },
    {
      key: 'sessions',
      label: t('tabs.sessions', { count: assessment.sessions.length }),
      to: { screen: 'assessment', id, view: 'sessions' },
      current: route.view === 'sessions' || route.view === 'capture',
    },
    { key: 'rate', label: t('tabs.rate'), to: { screen: 'assessment', id, view: 'rate', indicatorId: route.view === 'rate' ? route.indicatorId : undefined }, current: route.view === 'rate' },
    { key: 'review', label: t('tabs.review'), to: { screen: 'assessment', id, view: 'review' }, current: route.view === 'review' },
    { key: 'results', label: t('tabs.results'), to: { screen: 'assessment', id, view: 'results' }, current: route.view === 'results' },
    { key: 'history', label: t('tabs.history'), to: { screen: 'assessment', id, view: 'history' }, current: route.view === 'history' },
  ];
  return (
    <nav className="view-tabs" aria-label={t('tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a href={href(tab.to)} aria-current={tab.current ? 'page' : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
