import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a narrow screen. The wrapper is focusable so keyboard users
 * can scroll it too; it is labelled by the table's caption.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> is for form controls; this only groups a table to scroll
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable area must be reachable by keyboard
    <div className="table-scroll" role="group" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
