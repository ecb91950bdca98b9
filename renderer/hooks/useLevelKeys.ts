import { useEffect, useRef } from 'react';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && !isRadioOrCheckbox(target));
}

function isRadioOrCheckbox(target: HTMLElement): boolean {
  return target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox');
}

/** Keys 1–5 choose a level, unless the user is typing or a dialog is open. */
export function useLevelKeys(enabled: boolean, onLevel: (level: 1 | 2 | 3 | 4 | 5) => void): void {
  const handler = useRef(onLevel);
  useEffect(() => {
    handler.current = onLevel;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]')) return;
      const level = Number(event.key);
      if (Number.isInteger(level) && level >= 1 && level <= 5) {
        event.preventDefault();
        handler.current(level as 1 | 2 | 3 | 4 | 5);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
