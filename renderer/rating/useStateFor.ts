import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * State that starts again from `initial` whenever `key` changes (the indicator on screen), as
 * if the component had been mounted afresh, while it and its DOM stay in place: moving to the
 * next indicator then updates a few texts instead of rebuilding the panel. A value set for an
 * earlier key (a save or upload that finishes after the user moved on) is dropped, as it was
 * when the old panel was unmounted.
 */
export function useStateFor<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const [held, setHeld] = useState({ key, value: initial });
  // A render-phase update: React renders this component again at once, before its children.
  if (held.key !== key) setHeld({ key, value: initial });
  const set = useCallback(
    (next: SetStateAction<T>) => setHeld((h) => (h.key !== key ? h : { key, value: typeof next === 'function' ? (next as (value: T) => T)(h.value) : next })),
    [key],
  );
  return [held.key === key ? held.value : initial, set];
}
