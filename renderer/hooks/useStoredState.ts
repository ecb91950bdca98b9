import { useCallback, useState } from 'react';

/** State that survives switching tabs (sessionStorage) or restarts (localStorage), as plain strings. */
export function useStoredState(key: string, initial: string, storage: 'session' | 'local' = 'session'): [string, (value: string) => void] {
  const store = storage === 'session' ? sessionStorage : localStorage;
  const [value, setValue] = useState(() => store.getItem(key) ?? initial);
  // The same setter every render, so that memoised views given it do not re-render for nothing.
  const set = useCallback(
    (next: string) => {
      store.setItem(key, next);
      setValue(next);
    },
    [store, key],
  );
  return [value, set];
}
