import { Field } from '../components/field.js';

interface Props<V extends string> {
  formId: string;
  name: string;
  label: string;
  hint?: string | undefined;
  choices: readonly V[];
  /** The words for each choice. */
  labelOf: (v: V) => string;
  value: V;
  onChange: (v: V) => void;
  error?: string | undefined;
}

/** A labelled select over a fixed list: category, strategy, severity. */
export function ChoiceSelect<V extends string>({ formId, name, label, hint, choices, labelOf, value, onChange, error }: Props<V>) {
  return (
    <Field id={`${formId}-${name}`} name={name} label={label} hint={hint} error={error}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {choices.map((v) => (
            <option key={v} value={v}>
              {labelOf(v)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
