import { Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedAssessment } from '../screens/AssessmentScreen';
import { useAssessor } from '../hooks/useAssessor';
import type { CommandResults } from '../../core/api/commands';
import { useAutosave, type Choice, type InputValue, type Patch, type SaveOp, type SessionFields, type SetupPatch } from '../hooks/useAutosave';
import { lazyView } from '../lazy-view';
import { RateView } from '../rating/RateView';
import type { AssessmentRoute } from '../route';
import { applyInput, applyOp, applyResponsePatch, applySession, applySetupPatch } from './apply';
import { ConflictPanel } from './ConflictPanel';
import { WorkspaceContext, type UndoOffer, type WorkspaceValue } from './context';
import { StatusBanner } from './StatusBanner';
import { WorkspaceHeader } from './WorkspaceHeader';
import { WorkspaceTabs } from './WorkspaceTabs';

// Rating is where an assessment opens and where the team spends its time; the other views (charts, history, plans) load when first shown.
const SetupView = lazyView(() => import('../setup/SetupView'), 'SetupView');
const SessionsView = lazyView(() => import('../sessions/SessionsView'), 'SessionsView');
const CaptureView = lazyView(() => import('../sessions/CaptureView'), 'CaptureView');
const ReviewView = lazyView(() => import('../review/ReviewView'), 'ReviewView');
const ResultsScreen = lazyView(() => import('../results/ResultsScreen'), 'ResultsScreen');
const HistoryView = lazyView(() => import('../history/HistoryView'), 'HistoryView');

export function Workspace({ route, initial }: { route: AssessmentRoute; initial: LoadedAssessment }) {
  const { t } = useTranslation();
  const { framework, baseline } = initial;
  const [assessment, setAssessment] = useState(initial.assessment);
  const [assessor, setAssessor] = useAssessor(assessment.id);
  const author = useCallback(() => assessor, [assessor]);
  // What the core merged in on a save that this window must show so that its next edit starts from it.
  const onSaved = useCallback((op: SaveOp, data: unknown) => {
    if (op.kind === 'member') setAssessment((a) => ({ ...a, team: (data as CommandResults['updateTeamMember']).team }));
    const response = op.kind === 'response' && op.patch.sessionIds !== undefined ? (data as CommandResults['updateResponse']).response : null;
    if (op.kind === 'response' && response) setAssessment((a) => ({ ...a, responses: { ...a.responses, [op.indicatorId]: { ...applyResponsePatch(a.responses[op.indicatorId], {}), sessionIds: response.sessionIds } } }));
  }, []);
  const autosave = useAutosave(initial.assessment, author, onSaved);
  const { queue } = autosave;
  // Bumped when the user settles a conflict, so that the forms on screen start again from the chosen values.
  const [resolutions, setResolutions] = useState(0);
  const resolve = useCallback(
    (key: string, field: string, choice: Choice) => {
      const op = autosave.resolve(key, field, choice);
      if (op) setAssessment((a) => applyOp(a, op));
      setResolutions((n) => n + 1);
    },
    [autosave],
  );

  const editResponse = useCallback(
    (indicatorId: string, patch: Patch, immediately: boolean) => {
      setAssessment((a) => ({ ...a, responses: { ...a.responses, [indicatorId]: applyResponsePatch(a.responses[indicatorId], patch) } }));
      queue({ kind: 'response', indicatorId, patch }, immediately);
    },
    [queue],
  );
  const editSetup = useCallback(
    (patch: SetupPatch, immediately: boolean) => {
      setAssessment((a) => applySetupPatch(a, patch));
      queue({ kind: 'setup', patch }, immediately);
    },
    [queue],
  );
  const editInput = useCallback(
    (sessionId: string, indicatorId: string, input: InputValue | null, immediately: boolean) => {
      setAssessment((a) => ({ ...a, sessions: a.sessions.map((s) => (s.id === sessionId ? applyInput(s, indicatorId, input) : s)) }));
      queue({ kind: 'input', sessionId, indicatorId, input }, immediately);
    },
    [queue],
  );
  const editSession = useCallback(
    (fields: SessionFields) => {
      setAssessment((a) => ({ ...a, sessions: a.sessions.map((s) => (s.id === fields.sessionId ? applySession(s, fields) : s)) }));
      queue({ kind: 'session', session: fields }, false);
    },
    [queue],
  );

  const [undoOffer, offerUndo] = useState<UndoOffer | undefined>();

  const value: WorkspaceValue = useMemo(
    () => ({
      assessment,
      framework,
      baseline,
      readOnly: assessment.status === 'final',
      assessor,
      setAssessor,
      autosave,
      editResponse,
      editSetup,
      editInput,
      editSession,
      undoOffer,
      offerUndo,
      update: setAssessment,
    }),
    [assessment, framework, baseline, assessor, setAssessor, autosave, editResponse, editSetup, editInput, editSession, undoOffer],
  );

  return (
    <WorkspaceContext.Provider value={value}>
      {/* While rating, the header and tabs shrink so that the question and its five levels fit a laptop screen. */}
      <div className={route.view === 'rate' ? 'workspace workspace-rating' : 'workspace'}>
        <WorkspaceHeader />
        <WorkspaceTabs route={route} />
        <StatusBanner onReview={route.view === 'review'} />
        <ConflictPanel conflicts={autosave.conflicts} onResolve={resolve} />
        <div key={resolutions} className="workspace-view">
          <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
            {route.view === 'setup' && <SetupView key={route.step} step={route.step} />}
            {route.view === 'sessions' && <SessionsView sessionId={route.sessionId} />}
            {route.view === 'capture' && <CaptureView sessionId={route.sessionId} indicatorId={route.indicatorId} />}
            {route.view === 'rate' && <RateView indicatorId={route.indicatorId} />}
            {route.view === 'review' && <ReviewView />}
            {route.view === 'results' && <ResultsScreen />}
            {route.view === 'history' && <HistoryView />}
          </Suspense>
        </div>
      </div>
    </WorkspaceContext.Provider>
  );
}
