import { DateInput } from '../components/date-input.js';
import { Field } from '../components/field.js';

interface Props {
  formId: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled date input; empty means "no date". */
export function DateField({ formId, name, label, hint, error, value, onChange }: Props) {
  return (
    <Field id={`${formId}-${name}`} name={name} label={label} hint={hint} error={error}>
      {(c) => <DateInput control={c} value={value} onChange={onChange} />}
    </Field>
  );
}
