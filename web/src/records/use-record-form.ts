import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../components/use-form.js';
import { ApiError } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';

interface Options {
  programId: string;
  /** Prefix of the form's control ids: a control's id is `${formId}-${field}`. */
  formId: string;
  /** The fields this form shows; server errors for other paths go to the summary. */
  fields: readonly string[];
  /** The record being changed (D-3, R-2, A-7), to name it when someone else changed it first. */
  subject?: { key: string };
  /** Called after a version conflict, with the current version when the server sent it. */
  onConflict?: (version: number | null) => void;
}

/**
 * One form that writes a decision, risk or action: refusals appear next to their fields; after a
 * success, or a conflict, what is cached about the program is refreshed.
 */
export function useRecordForm({ programId, formId, fields, subject, onConflict }: Options) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    formId,
    fields,
    messageFor: (error) => {
      if (error.code === 'VERSION_CONFLICT' && subject) return t('form.conflict', { key: subject.key });
      // Every fault is shown by its field: the summary only points there, instead of repeating it.
      const paths = Object.keys(error.fieldErrors());
      if (paths.length > 0 && paths.every((p) => fields.includes(p))) return t('form.checkFields', { count: paths.length });
      return null;
    },
  });

  const send = <T>(request: () => Promise<T>, onSaved: (value: T) => void | Promise<void>) =>
    form.submit(
      async () => {
        try {
          return await request();
        } catch (error) {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
            const current = error.problem.current as { version?: unknown } | undefined;
            onConflict?.(typeof current?.version === 'number' ? current.version : null);
            await invalidateRecords(client, programId);
          }
          throw error;
        }
      },
      // Close and announce first: the refreshed record may no longer offer the control that opened the form.
      async (value) => {
        await onSaved(value);
        await invalidateRecords(client, programId);
      },
    );

  return { ...form, send, errors: form.state.fieldErrors };
}

/**
 * The version a form sends. After someone else's change it follows the record as reloaded, so
 * the person's input is kept and the next save is based on the latest version.
 */
export function useVersion(current: number) {
  const [version, setVersion] = useState(current);
  const [follow, setFollow] = useState(false);
  useEffect(() => {
    if (follow) setVersion(current);
  }, [follow, current]);
  const onConflict = (v: number | null) => {
    if (v !== null) setVersion(v);
    setFollow(true);
  };
  return { version, onConflict };
}
