import { createContext, useContext } from 'react';
import { type FieldError, get, useFormContext, useFormState } from 'react-hook-form';
import type { z } from 'zod';
import { type Limits, limitsOf } from './schema-limits.js';

/** What a field needs from the form around it, beyond react-hook-form's own context. */
export const FormFieldsContext = createContext<{ formId: string; schema: z.ZodType } | null>(null);

export interface FormField {
  /** The control's id: `${formId}-${name}`. */
  id: string;
  /** The message for the field, from the catalogue. */
  error: string | undefined;
  registration: ReturnType<ReturnType<typeof useFormContext>['register']>;
  /** The bounds the contract sets, for the control's own attributes. */
  limits: Limits;
}

/** One field of the MutationForm around it: its id, its error and its registration with react-hook-form. */
export function useFormField(name: string): FormField {
  const context = useContext(FormFieldsContext);
  if (!context) throw new Error(`The field ${name} is not inside a MutationForm.`);
  const { register } = useFormContext();
  const { errors } = useFormState({ name });
  const error = get(errors, name) as FieldError | undefined;
  return { id: `${context.formId}-${name}`, error: error?.message, registration: register(name), limits: limitsOf(context.schema, name) };
}
