import { useEffect, useState } from 'react';
import type { ApiError } from '../../core/api/result';
import { ApiFailure } from '../api';

export type Loaded<T> = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; data: T };

/** Runs `load` when `key` changes and exposes loading / error / ready, so every screen handles all three. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [settled, setSettled] = useState<{ key: string; state: Loaded<T> } | undefined>();
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setSettled({ key, state: { kind: 'ready', data } }),
      (error: unknown) =>
        live &&
        setSettled({ key, state: { kind: 'error', error: error instanceof ApiFailure ? error.error : { code: 'INTERNAL', message: String(error) } } }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the key changes
  }, [key]);
  return settled?.key === key ? settled.state : { kind: 'loading' };
}
