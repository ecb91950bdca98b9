import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput } from '../../core/api/commands';
import type { ApiError } from '../../core/api/result';
import { call } from '../api';

export type Patch = CommandInput<'updateResponse'>['patch'];
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: ApiError };

/** Design §5: debounced ≤ 500 ms. */
const debounceMs = 400;
const retryMs = 4000;

/**
 * Collects edits per indicator and saves them shortly after the user stops typing, on blur and
 * before navigation. A failed save keeps the edits queued (and on screen) and retries.
 */
export function useAutosave(assessmentId: string) {
  const pending = useRef(new Map<string, Patch>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | undefined>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // The retry timer calls the latest flush through this ref rather than closing over itself.
  const flushLater = useRef<() => void>(() => undefined);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    // One save at a time; edits made meanwhile wait for the next round.
    while (running.current) await running.current;
    if (pending.current.size === 0) return;
    const batch = [...pending.current];
    pending.current.clear();
    setState({ kind: 'saving' });
    const work = (async () => {
      for (const [index, [indicatorId, patch]] of batch.entries()) {
        const result = await call('updateResponse', { id: assessmentId, indicatorId, patch });
        if (!result.ok) {
          // Put back this edit and every later one, under anything the user typed since.
          for (const [laterId, laterPatch] of batch.slice(index)) {
            pending.current.set(laterId, { ...laterPatch, ...pending.current.get(laterId) });
          }
          setState({ kind: 'error', error: result.error });
          timer.current = setTimeout(() => flushLater.current(), retryMs);
          return;
        }
      }
      if (pending.current.size > 0) timer.current = setTimeout(() => flushLater.current(), debounceMs);
      else setState({ kind: 'saved' });
    })();
    running.current = work;
    try {
      await work;
    } finally {
      running.current = undefined;
    }
  }, [assessmentId]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), debounceMs);
  }, [flush]);

  const queue = useCallback(
    (indicatorId: string, patch: Patch, immediately = false) => {
      pending.current.set(indicatorId, { ...pending.current.get(indicatorId), ...patch });
      setState((s) => (s.kind === 'error' ? s : { kind: 'saving' }));
      if (immediately) void flush();
      else schedule();
    },
    [flush, schedule],
  );

  useEffect(() => {
    flushLater.current = () => void flush();
  }, [flush]);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.current.size > 0 || running.current) {
        void flush();
        event.preventDefault();
      }
    };
    const hashChange = () => void flush();
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('hashchange', hashChange);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('hashchange', hashChange);
      void flush();
    };
  }, [flush]);

  return { state, queue, flush };
}
