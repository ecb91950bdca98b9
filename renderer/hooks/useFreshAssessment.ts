import { useEffect, useState } from 'react';
import type { ApiError } from '../../core/api/result';
import type { Assessment } from '../../core/model/assessment';
import { call } from '../api';
import { useWorkspace } from '../workspace/context';

export type Fresh = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; assessment: Assessment };

/** Saves what is queued, then reads the stored document: for views that show what the core recorded (history). */
export function useFreshAssessment(enabled: boolean, refresh: unknown): Fresh {
  const { assessment, autosave } = useWorkspace();
  const { flush } = autosave;
  const [state, setState] = useState<{ key: unknown; value: Fresh } | undefined>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void flush()
      .then(() => call('getAssessment', { id: assessment.id }))
      .then((result) => {
        if (live) setState({ key: refresh, value: result.ok ? { kind: 'ready', assessment: result.data } : { kind: 'error', error: result.error } });
      });
    return () => {
      live = false;
    };
  }, [enabled, refresh, assessment.id, flush]);
  return state && state.key === refresh ? state.value : { kind: 'loading' };
}
