import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput } from '../../core/api/commands';
import type { ApiError, Result } from '../../core/api/result';
import { call } from '../api';

export type Patch = CommandInput<'updateResponse'>['patch'];
export type SetupPatch = CommandInput<'updateSetup'>['patch'];
export type SessionFields = Required<CommandInput<'saveSession'>['session']>;
export type InputValue = NonNullable<CommandInput<'updateSessionInput'>['input']>;

/** One pending change. Changes with the same key are merged, so a burst of typing becomes one save. */
export type SaveOp =
  | { kind: 'response'; indicatorId: string; patch: Patch }
  | { kind: 'setup'; patch: SetupPatch }
  | { kind: 'input'; sessionId: string; indicatorId: string; input: InputValue | null }
  | { kind: 'session'; session: SessionFields };

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: ApiError };

/** Design §5: debounced ≤ 500 ms. */
const debounceMs = 400;
const retryMs = 4000;
/** Errors that a retry cannot fix by itself; the edit stays queued until the user acts. */
const noAutoRetry = new Set(['READ_ONLY', 'INVALID_INPUT', 'NOT_FOUND']);

function keyOf(op: SaveOp): string {
  switch (op.kind) {
    case 'response':
      return `response:${op.indicatorId}`;
    case 'setup':
      return 'setup';
    case 'input':
      return `input:${op.sessionId}:${op.indicatorId}`;
    case 'session':
      return `session:${op.session.sessionId}`;
  }
}

/** `later` wins field by field for patches; whole values are replaced. */
function merge(earlier: SaveOp | undefined, later: SaveOp): SaveOp {
  if (earlier?.kind === 'response' && later.kind === 'response') return { ...later, patch: { ...earlier.patch, ...later.patch } };
  if (earlier?.kind === 'setup' && later.kind === 'setup') return { ...later, patch: { ...earlier.patch, ...later.patch } };
  return later;
}

function send(id: string, op: SaveOp, by: string | undefined): Promise<Result<unknown>> {
  switch (op.kind) {
    case 'response':
      return call('updateResponse', { id, indicatorId: op.indicatorId, patch: op.patch, by });
    case 'setup':
      return call('updateSetup', { id, patch: op.patch, by });
    case 'input':
      return call('updateSessionInput', { id, sessionId: op.sessionId, indicatorId: op.indicatorId, input: op.input, by });
    case 'session':
      return call('saveSession', { id, session: op.session, by });
  }
}

/**
 * Collects edits and saves them shortly after the user stops typing, on blur and before
 * navigation. A failed save keeps the edits queued (and on screen) and retries.
 */
export function useAutosave(assessmentId: string, author: () => string | undefined) {
  const pending = useRef(new Map<string, SaveOp>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | undefined>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // The retry timer calls the latest flush through this ref rather than closing over itself.
  const flushLater = useRef<() => void>(() => undefined);
  const authorRef = useRef(author);
  useEffect(() => {
    authorRef.current = author;
  }, [author]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    // One save at a time; edits made meanwhile wait for the next round.
    while (running.current) await running.current;
    if (pending.current.size === 0) return;
    const batch = [...pending.current];
    pending.current.clear();
    setState({ kind: 'saving' });
    const work = (async () => {
      for (const [index, [, op]] of batch.entries()) {
        const result = await send(assessmentId, op, authorRef.current()?.trim() || undefined);
        if (!result.ok) {
          // Put back this edit and every later one, under anything the user typed since.
          for (const [laterKey, laterOp] of batch.slice(index)) {
            const newer = pending.current.get(laterKey);
            pending.current.set(laterKey, newer ? merge(laterOp, newer) : laterOp);
          }
          setState({ kind: 'error', error: result.error });
          if (!noAutoRetry.has(result.error.code)) timer.current = setTimeout(() => flushLater.current(), retryMs);
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

  const queue = useCallback(
    (op: SaveOp, immediately = false) => {
      const key = keyOf(op);
      pending.current.set(key, merge(pending.current.get(key), op));
      setState((s) => (s.kind === 'error' ? s : { kind: 'saving' }));
      clearTimeout(timer.current);
      if (immediately) void flush();
      else timer.current = setTimeout(() => void flush(), debounceMs);
    },
    [flush],
  );

  /** Forgets queued edits, e.g. after the assessment became read-only and the user was told. */
  const discard = useCallback(() => {
    clearTimeout(timer.current);
    pending.current.clear();
    setState({ kind: 'idle' });
  }, []);

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

  return { state, queue, flush, discard };
}

export type Autosave = ReturnType<typeof useAutosave>;
