import { useEffect, useRef } from 'react';

/** What the desk's Alt shortcuts do. */
export type DeskShortcut = 'call-next' | 'recall' | 'complete' | 'no-show' | 'procedure' | 'submit';

/**
 * Alt+letter shortcuts, read by physical key (`KeyN`) so that a Vietnamese input method
 * (Telex, VNI) rewriting the typed letter does not change them.
 */
export const SHORTCUT_KEYS: Readonly<Record<string, DeskShortcut>> = {
  KeyN: 'call-next',
  KeyR: 'recall',
  KeyH: 'complete',
  KeyV: 'no-show',
  KeyT: 'procedure',
  KeyS: 'submit',
};

/** Listens for the desk's shortcuts on the whole page while it shows. */
export function useDeskShortcuts(actions: Readonly<Record<DeskShortcut, () => void>>): void {
  const current = useRef(actions);
  current.current = actions;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return;
      const shortcut = SHORTCUT_KEYS[e.code];
      if (!shortcut) return;
      // The browser's own Alt menus must not open as well.
      e.preventDefault();
      current.current[shortcut]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
