import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OpenActionSchema } from '../../../src/contract/action.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull } from '../forms/form-values.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import type { ProgramPerson } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Action, recordsApi } from '../lib/records-api.js';
import { ActionFields, useActionRequired } from './action-fields.js';

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (a: Action) => void;
}

const shape = OpenActionSchema.shape;
/** The request as the form holds it; the owner the domain requires (OWNER_REQUIRED) is asked for before sending. */
const OpenActionForm = OpenActionSchema.pick({ title: true }).extend({
  description: shape.description.unwrap(),
  ownerId: shape.ownerId,
  dueDate: blankAsNull(shape.dueDate),
  severity: shape.severity.unwrap(),
  blocksMilestoneId: blankAsNull(shape.blocksMilestoneId.unwrap()),
  checkDate: blankAsNull(shape.checkDate.unwrap()),
});

/** Open an action: what, who, by when, how severe, which milestone it blocks. */
export function OpenActionDialog({ programId, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: OpenActionForm,
    defaultValues: { title: '', description: '', ownerId: '', dueDate: '', severity: 'medium', blocksMilestoneId: '', checkDate: '' },
    required: useActionRequired(),
    send: (values) => recordsApi.openAction(programId, values),
    onSaved,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog title={t('actions.form.openTitle')} form={form} onClose={onClose}>
      <ActionFields programId={programId} people={people} />
    </FormDialog>
  );
}
