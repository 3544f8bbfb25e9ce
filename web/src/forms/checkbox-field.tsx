import { Field } from '../components/field.js';
import { useFormField } from './form-context.js';

/** A labelled checkbox of the form around it, label after the box. */
export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: string | undefined }) {
  const { id, error, registration } = useFormField(name);
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error} inline>
      {(c) => <input {...c} type="checkbox" {...registration} />}
    </Field>
  );
}
