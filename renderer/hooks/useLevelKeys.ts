import { useEffect, useRef } from 'react';

/** Whether a key press is text being typed (a text field, a select), which shortcuts must leave alone. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && !isRadioOrCheckbox(target));
}

function isRadioOrCheckbox(target: HTMLElement): boolean {
  return target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox');
}

/**
 * Page-wide shortcut keys: `onKey` sees every key press that is not typing and not inside an
 * open dialog, and returns true when it used the key (its default action is then prevented).
 */
export function useShortcutKeys(enabled: boolean, onKey: (event: KeyboardEvent) => boolean): void {
  const handler = useRef(onKey);
  useEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (handler.current(event)) event.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}

/** The level (1–5) a key press chooses, if it is a plain digit key. */
export function levelOfKey(event: KeyboardEvent): 1 | 2 | 3 | 4 | 5 | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const level = Number(event.key);
  return Number.isInteger(level) && level >= 1 && level <= 5 ? (level as 1 | 2 | 3 | 4 | 5) : undefined;
}

/** Keys 1–5 choose a level, unless the user is typing or a dialog is open. */
export function useLevelKeys(enabled: boolean, onLevel: (level: 1 | 2 | 3 | 4 | 5) => void): void {
  useShortcutKeys(enabled, (event) => {
    const level = levelOfKey(event);
    if (level !== undefined) onLevel(level);
    return level !== undefined;
  });
}
