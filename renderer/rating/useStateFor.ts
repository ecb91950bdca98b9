import { useCallback, useLayoutEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * State that starts again from `initial` whenever `key` changes (the indicator on screen), as
 * if the component had been mounted afresh, while it and its DOM stay in place: moving to the
 * next indicator then updates a few texts instead of rebuilding the panel. Until it is set for
 * the key on screen, the value is `initial`. A value set for an earlier key (a save or upload
 * that finishes after the user moved on) is dropped, as it was when the old panel was unmounted.
 */
export function useStateFor<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const [held, setHeld] = useState<{ key: string; value: T } | null>(null);
  const shown = useRef(key);
  useLayoutEffect(() => {
    shown.current = key;
  }, [key]);
  // Forgotten once another key is shown, so that coming back starts afresh too. A render-phase
  // update (React renders this component again at once), and only when something was set: "next"
  // after merely looking at an indicator renders the panel once.
  if (held !== null && held.key !== key) setHeld(null);
  const set = useCallback(
    (next: SetStateAction<T>) => {
      if (shown.current !== key) return;
      setHeld((h) => ({ key, value: typeof next === 'function' ? (next as (value: T) => T)(h?.key === key ? h.value : initial) : next }));
    },
    [key, initial],
  );
  return [held?.key === key ? held.value : initial, set];
}
