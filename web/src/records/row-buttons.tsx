export interface RowButton<A extends string> {
  action: A;
  /** What the button says. */
  text: string;
  /** Its full name, naming the record: "Decide D-3". */
  label: string;
}

interface Props<A extends string> {
  buttons: readonly RowButton<A>[];
  onAction: (action: A) => void;
}

/** The controls of one row: only those that will work for the signed-in person. */
export function RowButtons<A extends string>({ buttons, onAction }: Props<A>) {
  if (buttons.length === 0) return null;
  return (
    <div className="row-actions">
      {buttons.map((b) => (
        <button key={b.action} type="button" className="button button--small" aria-label={b.label} onClick={() => onAction(b.action)}>
          {b.text}
        </button>
      ))}
    </div>
  );
}
