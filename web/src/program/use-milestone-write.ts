import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import { useProblemText } from '../components/problem-text.js';
import { ApiError, type MilestoneList } from '../lib/api.js';
import { invalidateProgram, queryKeys } from '../lib/queries.js';

export type FieldErrors = Partial<Record<string, string>>;

export interface WriteState {
  /** The form-level message: server detail, conflict notice or a client check. */
  message: string | null;
  /** Server messages for fields that are not on this form. */
  extra: string[];
  fieldErrors: FieldErrors;
}

const clean: WriteState = { message: null, extra: [], fieldErrors: {} };

interface Options<B> {
  programId: string;
  /** Prefix of the form's control ids: a control's id is `${formId}-${field}`. */
  formId: string;
  /** The fields this form shows; server errors for other paths go to the summary. */
  fields: readonly string[];
  send: (body: B) => Promise<Milestone>;
  onSaved: (m: Milestone) => void;
  /** The milestone being changed, to learn its current version after a conflict. */
  milestone?: { id: string; key: string; version: number };
  /** Called with the version the form must send from now on, after a conflict. */
  onConflict?: (version: number) => void;
}

/**
 * Sends one milestone write and turns a refusal into messages next to the fields. After a success
 * the program, milestones and change log are refreshed. On a version conflict the data is
 * refreshed too, and the form stays open with the user's input, now based on the latest version.
 */
export function useMilestoneWrite<B>({ programId, formId, fields, send, onSaved, milestone, onConflict }: Options<B>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problemText = useProblemText();
  const [state, setState] = useState<WriteState>(clean);
  const [pending, setPending] = useState(false);
  const [focusTick, setFocusTick] = useState(0);

  // Move focus to the first field at fault, so the message next to it is read out.
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

  const submit = async (body: B) => {
    if (pending) return;
    setPending(true);
    setState(clean);
    try {
      const saved = await send(body);
      await invalidateProgram(client, programId);
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        fail({}, problemText(error));
        return;
      }
      const byField = error.fieldErrors();
      const fieldErrors: FieldErrors = {};
      const extra: string[] = [];
      for (const [path, message] of Object.entries(byField)) {
        if (fields.includes(path)) fieldErrors[path] = message;
        else extra.push(message);
      }
      if (error.code === 'VERSION_CONFLICT' && milestone) {
        await invalidateProgram(client, programId);
        const fresh = client.getQueryData<MilestoneList>(queryKeys.milestones(programId))?.items.find((m) => m.id === milestone.id);
        const current = error.problem.current as { version?: unknown } | undefined;
        const version = fresh?.version ?? (typeof current?.version === 'number' ? current.version : undefined);
        if (version !== undefined) onConflict?.(version);
        fail(fieldErrors, t('form.conflict', { key: milestone.key }), extra);
      } else {
        fail(fieldErrors, problemText(error), extra);
      }
    } finally {
      setPending(false);
    }
  };

  return { submit, fail, pending, state };
}
