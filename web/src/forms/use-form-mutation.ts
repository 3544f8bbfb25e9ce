import { type FormEvent, useId, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../lib/api.js';
import { contractResolver } from './contract-resolver.js';
import { issueText } from './issue-text.js';
import { problemFieldText, problemPartText, problemText } from './problem-text.js';

/** Returned by `send` when it chose not to send (e.g. to show a preview first): the form stays as it is. */
export const keepOpen = Symbol('keepOpen');

/** Thrown by `send` for a check of the whole form that no field owns; its message is shown on top. */
export class FormRefusal extends Error {}

export interface Summary {
  /** The message on top of the form: why it was not saved. */
  message: string | null;
  /** Fields the server named that are not on this form. */
  extra: readonly string[];
}

const clean: Summary = { message: null, extra: [] };

export interface FormMutationOptions<In extends FieldValues, Out, T> {
  /** The form's values as the contract checks them: a request schema, or one derived from it. */
  schema: z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  /** Words for a field left empty (or refused by the server as missing), by field; generic words otherwise. */
  required?: Partial<Record<string, string>>;
  /** Sends the checked values; runs only when every field is valid. */
  send: (values: Out) => Promise<T | typeof keepOpen>;
  /** After a success: close, announce. */
  onSaved?: (value: T) => void | Promise<void>;
  /** Refetches what the write changed: after a success, and after a version conflict. */
  refresh?: () => Promise<unknown>;
  /** On VERSION_CONFLICT, before the data is refreshed: e.g. follow the record's latest version. */
  onConflict?: (error: ApiError) => void;
  /** The record being changed, named when someone else changed it first. */
  subject?: { key: string };
  /** Words of this form's own for some refusals (e.g. a wrong password); null: the catalogue's for the code. */
  messageFor?: (error: ApiError) => string | null;
  /** Words of this form's own for a refusal at one of its fields (e.g. naming the milestones of a cycle); null: the catalogue's. */
  fieldText?: (error: ApiError, field: string) => string | null;
  /** The form's field for a path the server names, when they differ. */
  fieldOf?: (path: string) => string;
  /** True when the values change nothing: nothing is sent and the form says so. */
  isUnchanged?: (values: Out) => boolean;
}

export interface FormMutation<In extends FieldValues> {
  methods: UseFormReturn<In, unknown, unknown>;
  formId: string;
  schema: z.ZodType;
  onSubmit: (event?: FormEvent) => void;
  pending: boolean;
  summary: Summary;
}

/**
 * One form that writes: react-hook-form checks every field with the contract's schema before
 * anything is sent and shows all faults at once; a refusal from the server is worded from the
 * catalogue by its code and set on the fields it names. Focus goes to the first field at fault.
 */
export function useFormMutation<In extends FieldValues, Out, T>(options: FormMutationOptions<In, Out, T>): FormMutation<In> {
  const { t } = useTranslation();
  const formId = useId();
  const { schema, required = {}, fieldOf = (p: string) => p } = options;
  const [summary, setSummary] = useState<Summary>(clean);
  const [pending, setPending] = useState(false);
  const isBusy = useRef(false);
  // "roles.2.scope" takes the words given for "roles.scope".
  const requiredFor = (path: string) => required[path] ?? required[path.replace(/\.\d+(?=\.|$)/g, '')];
  const methods = useForm<In, unknown, Out>({
    defaultValues: options.defaultValues,
    resolver: contractResolver(schema, (issue) => issueText(t, issue, requiredFor(issue.path.join('.')))),
  });

  const showRefusal = (error: unknown) => {
    if (error instanceof FormRefusal) return setSummary({ message: error.message, extra: [] });
    if (!(error instanceof ApiError)) return setSummary({ message: problemText(t, error), extra: [] });
    const onForm = new Set<string>();
    const extra = new Set<string>();
    for (const path of error.fieldPaths()) {
      const field = fieldOf(path);
      if (methods.getValues(field as Path<In>) === undefined) extra.add(problemPartText(t, error.code, field));
      else onForm.add(field);
    }
    [...onForm].forEach((field, i) => {
      const message = options.fieldText?.(error, field) ?? problemFieldText(t, error.code, requiredFor(field));
      methods.setError(field as Path<In>, { type: error.code, message }, { shouldFocus: i === 0 });
    });
    const conflict =
      error.code === 'VERSION_CONFLICT'
        ? options.subject
          ? t('form.conflict', { key: options.subject.key })
          : t('form.conflictAny')
        : null;
    const message =
      options.messageFor?.(error) ??
      conflict ??
      (onForm.size > 0 && extra.size === 0 ? t('form.checkFields', { count: onForm.size }) : problemText(t, error));
    setSummary({ message, extra: [...extra] });
  };

  const write = async (values: Out) => {
    if (options.isUnchanged?.(values)) return setSummary({ message: t('form.nothingChanged'), extra: [] });
    let result: T | typeof keepOpen;
    setPending(true);
    try {
      result = await options.send(values);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        options.onConflict?.(error);
        await options.refresh?.();
      }
      return showRefusal(error);
    } finally {
      setPending(false);
    }
    if (result === keepOpen) return;
    // Close and announce first: the refreshed data may no longer offer the control that opened the form.
    await options.onSaved?.(result);
    await options.refresh?.();
  };

  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    if (isBusy.current) return;
    isBusy.current = true;
    setSummary(clean);
    void methods
      .handleSubmit(write)()
      .finally(() => {
        isBusy.current = false;
      });
  };

  return { methods: methods as UseFormReturn<In, unknown, unknown>, formId, schema, onSubmit, pending, summary };
}
