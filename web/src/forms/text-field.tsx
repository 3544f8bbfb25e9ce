import { Field } from '../components/field.js';
import { useFormField } from './form-context.js';
import { TextCount } from './text-count.js';

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

/**
 * A labelled text input or text area of the form around it. Its length limit comes from the contract
 * and shows as a count near it; the control takes any length (no maxLength), so nothing pasted is cut.
 */
export function TextField({ name, label, hint, rows, isRequired = false, type = 'text', autoComplete = 'off', isReadOnly }: Props) {
  const { id, error, registration, limits } = useFormField(name);
  const countId = `${id}-count`;
  const count = limits.max === undefined ? undefined : <TextCount id={countId} name={name} max={limits.max} />;
  const common = { 'aria-required': isRequired || undefined, ...registration };
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error} after={count} afterId={count ? countId : undefined}>
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
