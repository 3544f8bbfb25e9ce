import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OpenActionSchema } from '../../../src/contract/action.js';
import { RequestDecisionSchema } from '../../../src/contract/decision.js';
import type { OperationOutput } from '../../../src/contract/operations.js';
import { emptyVerdict, useVerdictRequired, VerdictFields, verdictShape } from '../decisions/verdict-fields.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { recordsApi } from '../lib/records-api.js';
import { PersonSelect } from '../records/person-select.js';
import { invalidateWeek, reportsApi } from './reports-api.js';

type Meeting = OperationOutput<'recordMeetingOutcome'>;

interface Common {
  programId: string;
  week: string;
  onClose: () => void;
  onSaved: (m: Meeting) => void;
}

const DecisionForm = z.object(verdictShape);
const NewDecisionForm = z.object({ statement: RequestDecisionSchema.shape.statement, ...verdictShape });
const ActionForm = OpenActionSchema.pick({ title: true, ownerId: true, dueDate: true });

/** An open decision on the agenda, decided in the meeting by its owner (the reader), at the version read. */
export function DecideOutcomeDialog({ programId, week, decisionKey, onClose, onSaved }: Common & { decisionKey: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const decision = useQuery({
    queryKey: ['program', programId, 'decision', decisionKey, 'meeting'] as const,
    queryFn: ({ signal }) => recordsApi.getDecision(programId, decisionKey, signal),
  });
  const version = useRebase(decision.data?.version ?? 0);
  const form = useFormMutation({
    schema: DecisionForm,
    defaultValues: emptyVerdict,
    required: useVerdictRequired(),
    send: (v) =>
      reportsApi.recordOutcome(programId, week, {
        kind: 'decision',
        decisionId: decision.data?.id ?? decisionKey,
        version: version.base || (decision.data?.version ?? 1),
        ...v,
      }),
    onSaved,
    subject: { key: decisionKey },
    onConflict: version.onConflict,
    refresh: () => invalidateWeek(client, programId),
  });
  return (
    <FormDialog
      title={t('reports.meeting.decideTitle', { key: decisionKey })}
      form={form}
      onClose={onClose}
      submitLabel={t('reports.meeting.record')}
    >
      <div className="form__context">
        <p className="form__statement">{decision.data?.statement ?? t('common.loading')}</p>
      </div>
      <VerdictFields />
    </FormDialog>
  );
}

/** A decision taken in the meeting: recorded as the reader's, decided at once. */
export function NewDecisionDialog({ programId, week, onClose, onSaved }: Common) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: NewDecisionForm,
    defaultValues: { statement: '', ...emptyVerdict },
    required: { statement: t('reports.meeting.statementRequired'), ...useVerdictRequired() },
    send: (v) => reportsApi.recordOutcome(programId, week, { kind: 'new_decision', ...v }),
    onSaved,
    refresh: () => invalidateWeek(client, programId),
  });
  return (
    <FormDialog title={t('reports.meeting.newDecisionTitle')} form={form} onClose={onClose} submitLabel={t('reports.meeting.record')}>
      <p className="form__context">{t('reports.meeting.newDecisionNote')}</p>
      <TextField name="statement" label={t('reports.meeting.statement')} isRequired />
      <VerdictFields />
    </FormDialog>
  );
}

/** A new action from the meeting: what, who and by when. */
export function ActionOutcomeDialog({ programId, week, people, onClose, onSaved }: Common & { people: readonly ProgramPerson[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: ActionForm,
    defaultValues: { title: '', ownerId: '', dueDate: '' },
    send: (v) => reportsApi.recordOutcome(programId, week, { kind: 'action', ...v }),
    onSaved,
    refresh: () => invalidateWeek(client, programId),
  });
  return (
    <FormDialog title={t('reports.meeting.actionTitle')} form={form} onClose={onClose} submitLabel={t('reports.meeting.record')}>
      <TextField name="title" label={t('actions.form.title')} isRequired />
      <PersonSelect name="ownerId" label={t('actions.form.owner')} people={people} ownerAction="action.done" isRequired />
      <DateField name="dueDate" label={t('actions.form.dueDate')} isRequired />
    </FormDialog>
  );
}
