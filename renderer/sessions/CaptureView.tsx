import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorNumber, indicatorPlaces } from '../../core/framework/summary';
import { matchesSearch } from '../../core/review/filters';
import { NavTree } from '../components/NavTree';
import { formatDate } from '../format';
import { useStoredState } from '../hooks/useStoredState';
import { href, navigate } from '../route';
import { useWorkspace } from '../workspace/context';
import { CapturePanel } from './CapturePanel';

/** Capture mode: one session chosen, walk the indicators and type quick notes and a suggested level. */
export function CaptureView({ sessionId, indicatorId }: { sessionId: string; indicatorId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { assessment, framework } = useWorkspace();
  const session = assessment.sessions.find((s) => s.id === sessionId);
  const [onlyCluster, setOnlyCluster] = useStoredState('ccat.capture.onlyCluster', 'yes', 'local');
  const [query, setQuery] = useStoredState(`ccat.capture.search.${assessment.id}`, '');
  const places = useMemo(() => indicatorPlaces(framework), [framework]);
  if (!session) {
    return (
      <section className="panel">
        <h2>{t('sessions.notFound')}</h2>
        <a href={href({ screen: 'assessment', id: assessment.id, view: 'sessions' })}>{t('sessions.backToList')}</a>
      </section>
    );
  }
  const forCluster = places.filter((p) => p.indicator.stakeholders.includes(session.cluster));
  const clusterFilter = onlyCluster === 'yes' && forCluster.length > 0;
  const visiblePlaces = (clusterFilter ? forCluster : places).filter((p) => matchesSearch(query, p.indicator, assessment, indicatorNumber(framework, p.indicator.id)));
  const visible = new Set(visiblePlaces.map((p) => p.indicator.id));
  const current = places.find((p) => p.indicator.id === indicatorId) ?? visiblePlaces[0] ?? places[0]!;
  const walk = visible.has(current.indicator.id) ? visiblePlaces : places;
  const at = walk.findIndex((p) => p.indicator.id === current.indicator.id);
  const link = (id: string) => href({ screen: 'assessment', id: assessment.id, view: 'capture', sessionId, indicatorId: id });
  const count = Object.keys(session.inputs).length;

  return (
    <div className="workspace-body">
      <aside className="sidebar" aria-label={t('capture.sidebar')}>
        <div className="filter-bar">
          <div className="field field-compact">
            <label htmlFor="capture-session">{t('capture.session')}</label>
            <select id="capture-session" value={sessionId} onChange={(e) => navigate({ screen: 'assessment', id: assessment.id, view: 'capture', sessionId: e.target.value, indicatorId: current.indicator.id })}>
              {assessment.sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {formatDate(s.date, i18n.language)} — {s.title || t('sessions.untitled')}
                </option>
              ))}
            </select>
          </div>
          <label className="choice">
            <input type="checkbox" checked={onlyCluster === 'yes'} onChange={(e) => setOnlyCluster(e.target.checked ? 'yes' : 'no')} />
            {t('capture.onlyCluster', { cluster: t(`clusters.${session.cluster}`), count: forCluster.length })}
          </label>
          <div className="field field-compact">
            <label htmlFor="capture-search">{t('filters.search')}</label>
            <input id="capture-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <p className="filter-result" role="status">
            {t('capture.progress', { count, total: places.length })}
          </p>
        </div>
        {visiblePlaces.length === 0 ? (
          <div className="empty-state empty-small">
            <p>{t('filters.none')}</p>
            <button type="button" className="button button-small" onClick={() => setQuery('')}>
              {t('filters.clear')}
            </button>
          </div>
        ) : (
          <NavTree
            framework={framework}
            visible={visible}
            currentId={current.indicator.id}
            done={(id) => Boolean(session.inputs[id])}
            mark={(id) => (session.inputs[id] ? (session.inputs[id].level ? String(session.inputs[id].level) : '✎') : '·')}
            status={(id) => (session.inputs[id] ? t('capture.hasInput') : undefined)}
            linkTo={link}
            expandAll={clusterFilter || query.trim() !== ''}
            label={t('tree.label')}
          />
        )}
      </aside>
      <section className="workspace-main">
        <CapturePanel
          key={`${session.id}/${current.indicator.id}`}
          session={session}
          place={current}
          previous={walk[at - 1] && link(walk[at - 1]!.indicator.id)}
          next={walk[at + 1] && link(walk[at + 1]!.indicator.id)}
        />
      </section>
    </div>
  );
}
