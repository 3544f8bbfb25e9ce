import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CompleteMilestoneSchema, type Milestone } from '../../../src/contract/milestone.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { api } from '../lib/api.js';
import { formatPlainDate } from '../lib/format.js';
import { invalidateProgram } from '../lib/queries.js';

interface Props {
  programId: string;
  milestone: Milestone;
  /** Today in the program's time zone: the default, and the latest allowed, actual date. */
  today: string;
  onClose: () => void;
  onSaved: (m: Milestone) => void;
}

const CompleteMilestoneForm = CompleteMilestoneSchema.pick({ actualDate: true }).extend({
  reason: CompleteMilestoneSchema.shape.reason.unwrap(),
});

export function CompleteMilestoneDialog({ programId, milestone, today, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(milestone.version);
  const form = useFormMutation({
    schema: CompleteMilestoneForm,
    defaultValues: { actualDate: today, reason: '' },
    required: { actualDate: t('form.required.actualDate') },
    send: ({ actualDate, reason }) =>
      api.completeMilestone(programId, milestone.id, { version: version.base, actualDate, ...(reason ? { reason } : {}) }),
    onSaved,
    subject: milestone,
    onConflict: version.onConflict,
    refresh: () => invalidateProgram(client, programId),
  });

  return (
    <FormDialog title={t('form.completeTitle', { key: milestone.key, name: milestone.name })} form={form} onClose={onClose}>
      <DateField
        name="actualDate"
        label={t('form.actualDate')}
        hint={t('form.actualHint', { today: formatPlainDate(today) })}
        max={today}
      />
      <TextField name="reason" label={t('form.note')} hint={t('form.noteHint')} rows={2} />
    </FormDialog>
  );
}
