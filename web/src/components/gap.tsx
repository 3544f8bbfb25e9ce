import type { ReactNode } from 'react';

/** Marks missing information so it is seen, never left blank. */
export function Gap({ children }: { children: ReactNode }) {
  return <span className="gap">{children}</span>;
}
