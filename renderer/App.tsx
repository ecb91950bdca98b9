import { lazy, memo, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { followOpenedFiles } from './exchange/pending';
import { followHelpMenu } from './help/shell-help';
import { StoreNotices } from './components/StoreNotices';
import { href, useRoute } from './route';
import { AssessmentScreen } from './screens/AssessmentScreen';
import { HomeScreen } from './screens/HomeScreen';
import { lazyView } from './lazy-view';

// Opening an assessment (the first screen most of the time) needs none of these: each loads when first shown.
const HelpScreen = lazy(() => import('./help/HelpScreen'));
const ImportScreen = lazyView(() => import('./exchange/ImportScreen'), 'ImportScreen');
const SettingsScreen = lazyView(() => import('./settings/SettingsScreen'), 'SettingsScreen');
const CreateScreen = lazyView(() => import('./screens/CreateScreen'), 'CreateScreen');
const CompareScreen = lazyView(() => import('./merge/CompareScreen'), 'CompareScreen');
const MergeScreen = lazyView(() => import('./merge/MergeScreen'), 'MergeScreen');
const CompareManyScreen = lazyView(() => import('./portfolio/CompareManyScreen'), 'CompareManyScreen');
const RankingScreen = lazyView(() => import('./portfolio/RankingScreen'), 'RankingScreen');
const ShelfScreen = lazyView(() => import('./portfolio/ShelfScreen'), 'ShelfScreen');
const TrendScreen = lazyView(() => import('./portfolio/TrendScreen'), 'TrendScreen');

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  useEffect(followOpenedFiles, []);
  useEffect(followHelpMenu, []);
  return (
    <>
      <AppHeader current={route.screen === 'help' || route.screen === 'settings' ? route.screen : undefined} />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="page" aria-busy="true">{t('loading')}</p>}>
          {route.screen === 'home' && <HomeScreen />}
          {route.screen === 'import' && <ImportScreen key={route.at ?? 'choose'} />}
          {route.screen === 'settings' && <SettingsScreen />}
          {route.screen === 'help' && <HelpScreen section={route.section} />}
          {route.screen === 'new' && <CreateScreen key={route.baselineId ?? 'new'} baselineId={route.baselineId} />}
          {route.screen === 'assessment' && <AssessmentScreen key={route.id} route={route} />}
          {route.screen === 'merge' && <MergeScreen key={`${route.leftId}/${route.rightId}`} leftId={route.leftId} rightId={route.rightId} />}
          {route.screen === 'compare' && <CompareScreen key={`${route.leftId}/${route.rightId}`} leftId={route.leftId} rightId={route.rightId} />}
          {route.screen === 'compareMany' && <CompareManyScreen key={route.ids.join(',')} ids={route.ids} />}
          {route.screen === 'trend' && <TrendScreen key={route.country} country={route.country} />}
          {route.screen === 'ranking' && <RankingScreen />}
          {route.screen === 'shelf' && <ShelfScreen key={route.shelf} shelf={route.shelf} />}
        </Suspense>
      </main>
    </>
  );
}

/** Memoised: moving between screens or indicators re-renders what the route shows, not the app's header. */
const AppHeader = memo(function AppHeader({ current }: { current: 'help' | 'settings' | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => {
        // The hash router owns the address; move focus without navigating.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href={href({ screen: 'home' })}>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </a>
        <nav className="header-nav" aria-label={t('nav.app')}>
          <a href={href({ screen: 'help' })} aria-current={current === 'help' ? 'page' : undefined}>
            {t('nav.help')}
          </a>
          <a href={href({ screen: 'settings' })} aria-current={current === 'settings' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
          <LanguageSwitcher />
        </nav>
      </header>
      <StoreNotices />
    </>
  );
});
