import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  name: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface Props {
  /** Id of the control; the hint and error take ids derived from it. */
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Shown after the control (a text's count), and read with it when `afterId` names it. */
  after?: ReactNode;
  afterId?: string | undefined;
  /** Checkboxes put the label after the control. */
  inline?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and its error message right next to it. */
export function Field({ id, name, label, hint, error, inline = false, after, afterId, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId, afterId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = { id, name };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  const labelEl = (
    <label htmlFor={id} className="field__label">
      {label}
    </label>
  );
  return (
    <div className={`field${inline ? ' field--inline' : ''}${error ? ' field--error' : ''}`}>
      {inline ? (
        <div className="field__row">
          {children(control)}
          {labelEl}
        </div>
      ) : (
        labelEl
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {!inline && children(control)}
      {after}
    </div>
  );
}
