import type { ReactNode } from 'react';

export type Tone = 'late' | 'at_risk' | 'on_track' | 'done' | 'waiting' | 'neutral';

const icons: Record<Tone, string> = { late: '■', at_risk: '▲', on_track: '●', done: '✓', waiting: '◆', neutral: '○' };

interface Props {
  tone: Tone;
  children: ReactNode;
  /** What the word means, on hover. */
  title?: string | undefined;
}

/** A status as word + colour + shape, never colour alone. */
export function Mark({ tone, children, title }: Props) {
  return (
    <span className={`mark mark--${tone}`} title={title}>
      <span className="mark__icon" aria-hidden="true">
        {icons[tone]}
      </span>
      <span>{children}</span>
    </span>
  );
}
