import { useCallback, useState } from 'react';

type StorageKind = 'session' | 'local';

// Reached only when a value is read or written: looking the storage up on the window in every render costs time.
const webStorage = (kind: StorageKind): Storage => (kind === 'session' ? sessionStorage : localStorage);

/** State that survives switching tabs (sessionStorage) or restarts (localStorage), as plain strings. */
export function useStoredState(key: string, initial: string, storage: StorageKind = 'session'): [string, (value: string) => void] {
  const [value, setValue] = useState(() => webStorage(storage).getItem(key) ?? initial);
  // The same setter every render, so that memoised views given it do not re-render for nothing.
  const set = useCallback(
    (next: string) => {
      webStorage(storage).setItem(key, next);
      setValue(next);
    },
    [storage, key],
  );
  return [value, set];
}
