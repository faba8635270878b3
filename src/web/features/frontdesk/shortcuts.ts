import { useEffect, useRef } from 'react';

/** The key of `KeyboardEvent.code` in lower case: KeyM → m, Digit1 → 1. */
function keyOf(code: string): string {
  return code.replace(/^(Key|Digit)/, '').toLowerCase();
}

/**
 * Alt+key shortcuts of a screen, by letter or digit of `KeyboardEvent.code` (Alt+letter types
 * other characters on some keyboards, the code stays). They act while the screen is open and
 * no dialog is.
 */
export function useAltShortcuts(handlers: Record<string, () => void>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const handler = latest.current[keyOf(event.code)];
      if (!handler) return;
      // A dialog on top has the keyboard; the screen behind it waits.
      if ([...document.querySelectorAll('.ant-modal')].some((m) => m.getClientRects().length > 0)) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
