import { Field } from '../components/field.js';

interface Props {
  formId: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** Rows of a multi-line field; a one-line input when absent. */
  rows?: number;
  maxLength: number;
  isRequired?: boolean;
}

/** A labelled text input or text area whose id follows the form's `${formId}-${name}` rule. */
export function TextField({ formId, name, label, hint, error, value, onChange, rows, maxLength, isRequired = false }: Props) {
  return (
    <Field id={`${formId}-${name}`} name={name} label={label} hint={hint} error={error}>
      {(c) =>
        rows ? (
          <textarea
            {...c}
            rows={rows}
            maxLength={maxLength}
            aria-required={isRequired || undefined}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...c}
            type="text"
            autoComplete="off"
            maxLength={maxLength}
            aria-required={isRequired || undefined}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}
