import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ResolveEscalationSchema } from '../../../src/contract/escalation.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull } from '../forms/form-values.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { type Escalation, escalationsApi, invalidateEscalations } from './escalations-api.js';

/** A record the escalation may be linked to: one of the program's open decisions or actions. */
export interface LinkChoice {
  id: string;
  key: string;
  title: string;
}

interface Props {
  programId: string;
  escalation: Escalation;
  decisions: readonly LinkChoice[];
  actions: readonly LinkChoice[];
  onClose: () => void;
  onSaved: (e: Escalation) => void;
}

const s = ResolveEscalationSchema.shape;
/** The contract's outcome (required, its length bound) and the optional links ('' → none). */
export const resolveForm = (either: string) =>
  z
    .object({
      outcome: s.outcome.min(1),
      decisionId: blankAsNull(s.decisionId),
      decisionKey: blankAsNull(s.decisionId),
      actionId: blankAsNull(s.actionId),
      actionKey: blankAsNull(s.actionId),
    })
    .superRefine((v, ctx) => {
      // One decision and one action at most: the one chosen, or the one named by its key.
      if (v.decisionId && v.decisionKey)
        ctx.addIssue({ code: 'custom', path: ['decisionKey'], message: either, params: { text: either }, input: v.decisionKey });
      if (v.actionId && v.actionKey)
        ctx.addIssue({ code: 'custom', path: ['actionKey'], message: either, params: { text: either }, input: v.actionKey });
    });

/** Resolve: how it was settled, in words, and optionally the decision or action that settled it. */
export function ResolveDialog({ programId, escalation: e, decisions, actions, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(e.version);
  const schema = useMemo(() => resolveForm(t('escalations.form.eitherLink')), [t]);
  const form = useFormMutation({
    schema,
    defaultValues: { outcome: '', decisionId: e.decision?.id ?? '', decisionKey: '', actionId: e.action?.id ?? '', actionKey: '' },
    required: { outcome: t('escalations.form.required.outcome') },
    send: (v) =>
      escalationsApi.resolve(programId, e.id, {
        version: version.base,
        outcome: v.outcome,
        ...((v.decisionKey ?? v.decisionId) ? { decisionId: v.decisionKey ?? v.decisionId } : {}),
        ...((v.actionKey ?? v.actionId) ? { actionId: v.actionKey ?? v.actionId } : {}),
      }),
    onSaved,
    subject: e,
    onConflict: version.onConflict,
    refresh: () => invalidateEscalations(client, programId),
  });
  return (
    <FormDialog
      title={t('escalations.form.resolveTitle', { key: e.key, title: e.subject.title })}
      form={form}
      onClose={onClose}
      submitLabel={t('escalations.resolve')}
    >
      <TextField name="outcome" label={t('escalations.form.outcome')} hint={t('escalations.form.outcomeHint')} rows={4} isRequired />
      <SelectField name="decisionId" label={t('escalations.form.decision')} hint={t('escalations.form.linkHint')}>
        <option value="">{t('escalations.form.noLink')}</option>
        {decisions.map((d) => (
          <option key={d.id} value={d.id}>
            {d.key} {d.title}
          </option>
        ))}
      </SelectField>
      <TextField name="decisionKey" label={t('escalations.form.decisionKey')} hint={t('escalations.form.keyHint', { example: 'D-4' })} />
      <SelectField name="actionId" label={t('escalations.form.action')} hint={t('escalations.form.linkHint')}>
        <option value="">{t('escalations.form.noLink')}</option>
        {actions.map((a) => (
          <option key={a.id} value={a.id}>
            {a.key} {a.title}
          </option>
        ))}
      </SelectField>
      <TextField name="actionKey" label={t('escalations.form.actionKey')} hint={t('escalations.form.keyHint', { example: 'A-9' })} />
    </FormDialog>
  );
}
