import type { ReactNode } from 'react';
import { Field } from '../components/field.js';
import { useFormField } from './form-context.js';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  isRequired?: boolean;
  /** The <option>s. */
  children: ReactNode;
}

/** A labelled select of the form around it. */
export function SelectField({ name, label, hint, isRequired = false, children }: Props) {
  const { id, error, registration } = useFormField(name);
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error}>
      {(c) => (
        <select {...c} aria-required={isRequired || undefined} {...registration}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** Options over a fixed list (category, strategy, severity), each with its words. */
export function ChoiceOptions<V extends string>({ choices, labelOf }: { choices: readonly V[]; labelOf: (v: V) => string }) {
  return choices.map((v) => (
    <option key={v} value={v}>
      {labelOf(v)}
    </option>
  ));
}
