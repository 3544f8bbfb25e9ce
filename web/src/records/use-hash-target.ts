import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings the row named by the address's #fragment (e.g. #A-4) into view and focus once the list
 * has loaded, so a link from "My week" lands on its item.
 */
export function useHashTarget(ready: boolean): string | null {
  const { hash } = useLocation();
  const target = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;
  useEffect(() => {
    if (!ready || !target) return;
    // After the page's own focus handling, which runs once the page is shown.
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(target);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, target]);
  return target;
}
