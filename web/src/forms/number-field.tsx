import { Field } from '../components/field.js';
import { useFormField } from './form-context.js';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  isRequired?: boolean;
  className?: string;
}

/** A labelled whole-number input; its range comes from the contract. */
export function NumberField({ name, label, hint, isRequired = false, className }: Props) {
  const { id, error, registration, limits } = useFormField(name);
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error}>
      {(c) => (
        <input
          {...c}
          type="number"
          inputMode="numeric"
          step={1}
          min={limits.min}
          max={limits.max}
          className={className}
          aria-required={isRequired || undefined}
          {...registration}
        />
      )}
    </Field>
  );
}
