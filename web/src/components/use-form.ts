import { useEffect, useState } from 'react';
import { ApiError } from '../lib/api.js';
import { useProblemText } from './problem-text.js';

export type FieldErrors = Partial<Record<string, string>>;

export interface FormState {
  /** The summary message: the server's detail or a client check. */
  message: string | null;
  /** Server messages for fields that are not on this form. */
  extra: string[];
  fieldErrors: FieldErrors;
}

const clean: FormState = { message: null, extra: [], fieldErrors: {} };

interface Options {
  /** Prefix of the form's control ids: a control's id is `${formId}-${field}`. */
  formId: string;
  /** The fields this form shows; server errors for other paths go to the summary. */
  fields: readonly string[];
  /** Words of our own for some refusals (e.g. a wrong password); null keeps the server's. */
  messageFor?: (error: ApiError) => string | null;
  /** Maps a server error path to the form's field name, when they differ. */
  fieldOf?: (path: string) => string;
}

/**
 * Sends one form and turns a refusal into messages next to its fields, with a summary on top;
 * focus moves to the first field at fault so its message is read out.
 */
export function useForm({ formId, fields, messageFor, fieldOf = (p) => p }: Options) {
  const problemText = useProblemText();
  const [state, setState] = useState<FormState>(clean);
  const [pending, setPending] = useState(false);
  const [focusTick, setFocusTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per failed submit
  useEffect(() => {
    if (focusTick === 0) return;
    const first = fields.find((f) => state.fieldErrors[f]);
    if (first) document.getElementById(`${formId}-${first}`)?.focus();
  }, [focusTick]);

  const fail = (fieldErrors: FieldErrors, message: string | null = null, extra: string[] = []) => {
    setState({ message, extra, fieldErrors });
    setFocusTick((n) => n + 1);
  };

  /** Runs the request; on success hands its answer on, on refusal shows why. */
  const submit = async <T>(send: () => Promise<T>, onSuccess: (value: T) => void | Promise<void>): Promise<void> => {
    if (pending) return;
    setPending(true);
    setState(clean);
    let value: T;
    try {
      value = await send();
    } catch (error) {
      setPending(false);
      if (!(error instanceof ApiError)) return fail({}, problemText(error));
      const fieldErrors: FieldErrors = {};
      const extra: string[] = [];
      for (const [path, message] of Object.entries(error.fieldErrors())) {
        const field = fieldOf(path);
        if (fields.includes(field)) fieldErrors[field] = message;
        else extra.push(message);
      }
      return fail(fieldErrors, messageFor?.(error) ?? problemText(error), extra);
    }
    setPending(false);
    await onSuccess(value);
  };

  return { state, pending, submit, fail, reset: () => setState(clean) };
}
