import { Field } from '../components/field.js';
import { useFormField } from './form-context.js';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  /** Rows of a multi-line field; a one-line input when absent. */
  rows?: number;
  isRequired?: boolean;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  isReadOnly?: boolean;
}

/** A labelled text input or text area of the form around it; its length limit comes from the contract. */
export function TextField({ name, label, hint, rows, isRequired = false, type = 'text', autoComplete = 'off', isReadOnly }: Props) {
  const { id, error, registration, limits } = useFormField(name);
  const common = { maxLength: limits.max, 'aria-required': isRequired || undefined, ...registration };
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error}>
      {(c) =>
        rows ? (
          <textarea {...c} rows={rows} {...common} />
        ) : (
          <input
            {...c}
            type={type}
            autoComplete={autoComplete}
            spellCheck={type === 'email' ? false : undefined}
            readOnly={isReadOnly}
            {...common}
          />
        )
      }
    </Field>
  );
}
