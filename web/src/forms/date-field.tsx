import { dateRange } from '../../../src/domain/date-range.js';
import { Field } from '../components/field.js';
import { useFormField } from './form-context.js';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  /** A later bound than the accepted range's end (e.g. today for an actual date). */
  max?: string | undefined;
  isRequired?: boolean;
}

/** A labelled date input bounded to the dates Tollgate accepts; empty means "no date". */
export function DateField({ name, label, hint, max, isRequired = false }: Props) {
  const { id, error, registration } = useFormField(name);
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error}>
      {(c) => (
        <input {...c} type="date" min={dateRange.min} max={max ?? dateRange.max} required={isRequired || undefined} {...registration} />
      )}
    </Field>
  );
}
