import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { href, type AssessmentRoute, type Route } from '../route';
import { useWorkspace } from './context';

/** The parts of an assessment, in the order a field team works through them. */
export function WorkspaceTabs({ route }: { route: AssessmentRoute }) {
  const { t } = useTranslation();
  const { assessment } = useWorkspace();
  const id = assessment.id;
  const sessionCount = assessment.sessions.length;
  // Said once per language: moving to the next indicator changes only where the Rating tab leads.
  const label = useMemo(
    () => ({
      setup: t('tabs.setup'),
      sessions: t('tabs.sessions', { count: sessionCount }),
      rate: t('tabs.rate'),
      review: t('tabs.review'),
      results: t('tabs.results'),
      history: t('tabs.history'),
      nav: t('tabs.label'),
    }),
    [t, sessionCount],
  );
  const tabs: Array<{ key: string; label: string; to: Route; current: boolean }> = [
    { key: 'setup', label: label.setup, to: { screen: 'assessment', id, view: 'setup', step: route.view === 'setup' ? route.step : 'basics' }, current: route.view === 'setup' },
    {
      key: 'sessions',
      label: label.sessions,
      to: { screen: 'assessment', id, view: 'sessions' },
      current: route.view === 'sessions' || route.view === 'capture',
    },
    { key: 'rate', label: label.rate, to: { screen: 'assessment', id, view: 'rate', indicatorId: route.view === 'rate' ? route.indicatorId : undefined }, current: route.view === 'rate' },
    { key: 'review', label: label.review, to: { screen: 'assessment', id, view: 'review' }, current: route.view === 'review' },
    { key: 'results', label: label.results, to: { screen: 'assessment', id, view: 'results' }, current: route.view === 'results' },
    { key: 'history', label: label.history, to: { screen: 'assessment', id, view: 'history' }, current: route.view === 'history' },
  ];
  return (
    <nav className="view-tabs" aria-label={label.nav}>
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
