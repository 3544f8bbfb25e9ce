import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateMilestoneSchema, type Milestone } from '../../../src/contract/milestone.js';
import { CheckboxField } from '../forms/checkbox-field.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull } from '../forms/form-values.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import type { ProgramPerson } from '../lib/api.js';
import { api } from '../lib/api.js';
import type { Phase } from '../lib/phases.js';
import { invalidateProgram } from '../lib/queries.js';
import { OwnerSelect } from './owner-select.js';
import { PhaseSelect } from './phase-select.js';

interface Props {
  programId: string;
  defaultPhase: Phase;
  users: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (m: Milestone) => void;
}

const shape = CreateMilestoneSchema.shape;
/** The request, with the controls' empty texts as "none". */
const AddMilestoneForm = CreateMilestoneSchema.pick({ name: true, phase: true, baselineDate: true }).extend({
  ownerId: shape.ownerId,
  forecastDate: blankAsNull(shape.forecastDate.unwrap().nullable()),
  isCritical: shape.isCritical.unwrap(),
});

export function AddMilestoneDialog({ programId, defaultPhase, users, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: AddMilestoneForm,
    defaultValues: { name: '', phase: defaultPhase, ownerId: '', baselineDate: '', forecastDate: '', isCritical: false },
    required: { name: t('form.required.name'), ownerId: t('form.required.owner'), baselineDate: t('form.required.baselineDate') },
    send: ({ forecastDate, ...values }) => api.createMilestone(programId, { ...values, ...(forecastDate ? { forecastDate } : {}) }),
    onSaved,
    refresh: () => invalidateProgram(client, programId),
  });

  return (
    <FormDialog title={t('form.addTitle')} form={form} onClose={onClose}>
      <TextField name="name" label={t('form.name')} />
      <PhaseSelect />
      <OwnerSelect users={users} />
      <div className="form__pair">
        <DateField name="baselineDate" label={t('form.baselineDate')} hint={t('form.baselineHint')} />
        <DateField name="forecastDate" label={t('form.forecastDate')} hint={t('form.forecastHint')} />
      </div>
      <CheckboxField name="isCritical" label={t('form.critical')} hint={t('form.criticalHint')} />
    </FormDialog>
  );
}
