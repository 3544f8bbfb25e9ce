import { useId } from 'react';

export interface RowButton<A extends string> {
  action: A;
  /** What the button says. */
  text: string;
  /** Its full name, naming the record: "Decide D-3". */
  label: string;
  /** Shown but not usable, for this reason (e.g. the same person cannot take both steps of a closure). */
  disabledBecause?: string | undefined;
}

interface Props<A extends string> {
  buttons: readonly RowButton<A>[];
  onAction: (action: A) => void;
}

/** The controls of one row: only those that will work for the signed-in person. */
export function RowButtons<A extends string>({ buttons, onAction }: Props<A>) {
  const id = useId();
  if (buttons.length === 0) return null;
  return (
    <div className="row-actions">
      {buttons.map((b) =>
        b.disabledBecause ? (
          <span key={b.action} className="row-actions__blocked">
            <button type="button" className="button button--small" aria-label={b.label} aria-describedby={`${id}-${b.action}`} disabled>
              {b.text}
            </button>
            <span id={`${id}-${b.action}`} className="row-actions__why">
              {b.disabledBecause}
            </span>
          </span>
        ) : (
          <button key={b.action} type="button" className="button button--small" aria-label={b.label} onClick={() => onAction(b.action)}>
            {b.text}
          </button>
        ),
      )}
    </div>
  );
}
