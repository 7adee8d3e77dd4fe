import { useRef } from 'react';

/**
 * Returns focus to whatever opened a Radix dialog, also when the host owns `open` and there is no
 * `Dialog.Trigger` (Radix then leaves focus on `<body>`). Radix's `onOpenAutoFocus` runs while
 * focus is still on the opener, so that is where it is remembered; `onCloseAutoFocus` puts it back.
 */
export function useReturnFocus() {
  const openerRef = useRef<HTMLElement | null>(null);
  return {
    rememberOpener: () => {
      const active = typeof document === 'undefined' ? null : document.activeElement;
      openerRef.current = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    /** Call from `onCloseAutoFocus`; it does nothing when the opener is gone from the page. */
    returnFocus: (event: Event) => {
      const opener = openerRef.current;
      openerRef.current = null;
      if (opener === null || !opener.isConnected) return;
      event.preventDefault();
      opener.focus({ preventScroll: true });
    },
  };
}
