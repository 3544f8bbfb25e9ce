import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EditActionSchema } from '../../../src/contract/action.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull } from '../forms/form-values.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { toPlainDate } from '../lib/plain-date.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Action, type EditActionBody, recordsApi } from '../lib/records-api.js';
import { ActionFields, useActionRequired } from './action-fields.js';

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  /** The open action, as loaded now. */
  action: Action;
  onClose: () => void;
  onSaved: (a: Action) => void;
}

const shape = EditActionSchema.shape;
/** Every field of the re-plan as the form holds it: all shown, so none optional. */
const EditActionForm = z.object({
  title: shape.title.unwrap(),
  description: shape.description.unwrap(),
  ownerId: shape.ownerId.unwrap(),
  dueDate: blankAsNull(shape.dueDate.unwrap()),
  reason: shape.reason.unwrap(),
  severity: shape.severity.unwrap(),
  checkDate: blankAsNull(shape.checkDate.unwrap()),
  blocksMilestoneId: blankAsNull(shape.blocksMilestoneId.unwrap()),
});

/** What the values change on the action as now loaded; only that is sent. */
function changes(a: Action, v: z.output<typeof EditActionForm>): Omit<EditActionBody, 'version' | 'reason'> {
  const body: Omit<EditActionBody, 'version' | 'reason'> = {};
  if (v.title !== a.title) body.title = v.title;
  if (v.description !== a.description) body.description = v.description;
  if (v.ownerId !== a.owner?.id) body.ownerId = v.ownerId;
  if (v.dueDate !== a.dueDate) body.dueDate = v.dueDate;
  if (v.severity !== a.severity) body.severity = v.severity;
  if (v.blocksMilestoneId !== (a.blocks?.id ?? null)) body.blocksMilestoneId = v.blocksMilestoneId;
  if (v.checkDate !== a.checkDate) body.checkDate = v.checkDate;
  return body;
}

/** Re-plan an open action; moving its due date needs a reason, and the first promise is kept. */
export function EditActionDialog({ programId, people, action: a, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(a.version);
  // Moving a due date re-states a promise: it needs a reason (the server's REASON_REQUIRED, said before
  // sending). A first due date makes the promise and needs none, as on the server.
  const schema = EditActionForm.superRefine((v, ctx) => {
    if (a.dueDate !== null && v.dueDate !== a.dueDate && v.reason === '') ctx.addIssue({ code: 'custom', input: '', path: ['reason'] });
  });
  const form = useFormMutation({
    schema,
    defaultValues: {
      title: a.title,
      description: a.description,
      ownerId: a.owner?.id ?? '',
      dueDate: a.dueDate ?? '',
      reason: '',
      severity: a.severity,
      checkDate: a.checkDate ?? '',
      blocksMilestoneId: a.blocks?.id ?? '',
    },
    required: useActionRequired(),
    isUnchanged: (v) => Object.keys(changes(a, v)).length === 0,
    send: (v) =>
      recordsApi.editAction(programId, a.id, { version: version.base, ...changes(a, v), ...(v.reason ? { reason: v.reason } : {}) }),
    onSaved,
    subject: a,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });
  const dueDate = useWatch({ control: form.methods.control, name: 'dueDate' });
  const dueMoves = a.dueDate !== null && (toPlainDate(dueDate) ?? null) !== a.dueDate;

  return (
    <FormDialog title={t('actions.form.editTitle', { key: a.key })} form={form} onClose={onClose}>
      <ActionFields
        programId={programId}
        people={people}
        action={a}
        reason={
          <TextField
            name="reason"
            label={t('actions.form.reason')}
            hint={dueMoves ? t('actions.form.reasonNeeded') : t('actions.form.reasonHint')}
            rows={2}
            isRequired={dueMoves}
          />
        }
      />
    </FormDialog>
  );
}
