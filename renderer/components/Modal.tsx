import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const tabStops = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last. showModal()
 * alone lets focus leave the last control for the page body (Chromium hands it to the browser
 * frame, which in Electron is nothing a person can see).
 */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const candidates = [...event.currentTarget.querySelectorAll<HTMLElement>(tabStops)].filter((el) => el.getClientRects().length > 0);
  const radio = (el: Element): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'radio';
  // A radio group is one stop: its checked radio, or every radio while none is checked.
  const stops = candidates.filter((el) => !radio(el) || el.checked || !candidates.some((other) => radio(other) && other.name === el.name && other.checked));
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const leaving = event.shiftKey ? document.activeElement === first : document.activeElement === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/**
 * A modal <dialog>: showModal() makes the rest of the page inert, Tab cycles through its
 * controls, Escape closes it, it is labelled by its heading, and focus returns to where it was.
 */
export function Modal({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement;
      dialog.showModal();
      // React's autoFocus runs before the dialog is shown; data-autofocus picks the first stop instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && returnTo.current instanceof HTMLElement) {
      const target = returnTo.current;
      returnTo.current = null;
      if (target.isConnected) target.focus();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={`${id}-title`}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}
