import { useState } from 'react';

/** State that survives switching tabs (sessionStorage) or restarts (localStorage), as plain strings. */
export function useStoredState(key: string, initial: string, storage: 'session' | 'local' = 'session'): [string, (value: string) => void] {
  const store = storage === 'session' ? sessionStorage : localStorage;
  const [value, setValue] = useState(() => store.getItem(key) ?? initial);
  return [
    value,
    (next: string) => {
      store.setItem(key, next);
      setValue(next);
    },
  ];
}
