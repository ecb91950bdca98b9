import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorPlaces } from '../../core/framework/summary';
import { countryName } from '../../core/model/countries';
import { ExportDialog } from '../export/ExportDialog';
import { SaveStatus } from '../components/SaveStatus';
import { href } from '../route';
import { useWorkspace } from './context';

// Memoised: moving between indicators re-renders the workspace, not what it shows around the view.
export const WorkspaceHeader = memo(function WorkspaceHeader() {
  const { t, i18n } = useTranslation();
  const { assessment, framework, assessor, autosave } = useWorkspace();
  const places = indicatorPlaces(framework);
  const answered = places.filter((p) => assessment.responses[p.indicator.id]?.rating).length;
  const scope = assessment.scope.kind === 'national' ? t('setup.scope.national') : `${t(`setup.scope.${assessment.scope.kind}`)}: ${assessment.scope.name}`;
  return (
    <header className="workspace-head">
      <div className="workspace-title">
        <p className="breadcrumb">
          <a href={href({ screen: 'home' })}>{t('nav.home')}</a>
        </p>
        {/* While rating, a long title is cut to one line; the whole of it on hover. */}
        <h1 title={assessment.title}>{assessment.title}</h1>
        <p className="muted">
          {countryName(assessment.country, i18n.language)} · {scope} · {t(`mode.${assessment.mode}`)} · <strong>{t(`status.${assessment.status}`)}</strong>
        </p>
      </div>
      <div className="workspace-tools">
        <p className="progress-text">{t('assess.answered', { count: answered, total: places.length })}</p>
        <p className="assessor">
          {assessor ? t('assess.youAre', { name: assessor }) : t('assess.youUnknown')}{' '}
          <a href={href({ screen: 'assessment', id: assessment.id, view: 'setup', step: 'team' })}>{assessor ? t('assess.youChange') : t('assess.youSet')}</a>
        </p>
        <SaveStatus state={autosave.state} conflicts={autosave.conflicts.length} onRetry={() => void autosave.flush()} />
        <ExportDialog assessmentId={assessment.id} beforeExport={autosave.flush} />
      </div>
    </header>
  );
});
