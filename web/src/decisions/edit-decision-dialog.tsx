import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EditDecisionSchema } from '../../../src/contract/decision.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull } from '../forms/form-values.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Decision, type EditDecisionBody, recordsApi } from '../lib/records-api.js';
import { DecisionFields, useDecisionRequired } from './decision-fields.js';

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  /** The open decision, as loaded now. */
  decision: Decision;
  onClose: () => void;
  onSaved: (d: Decision) => void;
}

const shape = EditDecisionSchema.shape;
/** Every field of the edit as the form holds it: all shown, so none optional. */
const EditDecisionForm = z.object({
  statement: shape.statement.unwrap(),
  context: shape.context.unwrap(),
  options: shape.options.unwrap(),
  ownerId: shape.ownerId.unwrap(),
  dueDate: blankAsNull(shape.dueDate.unwrap()),
});

/** What the values change on the decision as now loaded; only that is sent. */
function changes(d: Decision, v: z.output<typeof EditDecisionForm>): Omit<EditDecisionBody, 'version'> {
  const body: Omit<EditDecisionBody, 'version'> = {};
  if (v.statement !== d.statement) body.statement = v.statement;
  if (v.context !== d.context) body.context = v.context;
  if (v.options !== d.options) body.options = v.options;
  if (v.ownerId !== (d.owner?.id ?? '')) body.ownerId = v.ownerId;
  if (v.dueDate !== d.dueDate) body.dueDate = v.dueDate;
  return body;
}

/** Reword an open decision, name another owner or due date. */
export function EditDecisionDialog({ programId, people, decision: d, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(d.version);
  const form = useFormMutation({
    schema: EditDecisionForm,
    defaultValues: { statement: d.statement, context: d.context, options: d.options, ownerId: d.owner?.id ?? '', dueDate: d.dueDate ?? '' },
    required: useDecisionRequired(),
    isUnchanged: (v) => Object.keys(changes(d, v)).length === 0,
    send: (v) => recordsApi.editDecision(programId, d.id, { version: version.base, ...changes(d, v) }),
    onSaved,
    subject: d,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog title={t('decisions.form.editTitle', { key: d.key })} form={form} onClose={onClose}>
      <DecisionFields people={people} current={d.owner} />
    </FormDialog>
  );
}
