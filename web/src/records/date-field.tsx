import { dateRange } from '../../../src/domain/date-range.js';
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
      {(c) => <input {...c} type="date" min={dateRange.min} max={dateRange.max} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
