import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Milestone, type UpdateMilestone, UpdateMilestoneSchema } from '../../../src/contract/milestone.js';
import { CheckboxField } from '../forms/checkbox-field.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { numberOrNull } from '../forms/form-values.js';
import { NumberField } from '../forms/number-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { api } from '../lib/api.js';
import { invalidateProgram, useProgram } from '../lib/queries.js';
import { OwnerSelect } from './owner-select.js';
import { PhaseSelect } from './phase-select.js';

interface Props {
  programId: string;
  /** The milestone as currently loaded; it updates after a refresh. */
  milestone: Milestone;
  users: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (m: Milestone) => void;
}

const shape = UpdateMilestoneSchema.shape;
/** Every field of the request as the form holds it: all shown, so none optional; empty texts as "none". */
const EditMilestoneForm = z.object({
  name: shape.name.unwrap(),
  phase: shape.phase.unwrap(),
  ownerId: shape.ownerId.unwrap(),
  isCritical: shape.isCritical.unwrap(),
  baselineDate: shape.baselineDate.unwrap(),
  toleranceDays: numberOrNull(shape.toleranceDays.unwrap()),
  reason: shape.reason.unwrap(),
});
type EditMilestoneValues = z.output<typeof EditMilestoneForm>;

/** What the values change on the milestone as now loaded; only that is sent. */
function changes(m: Milestone, v: EditMilestoneValues): Omit<UpdateMilestone, 'version'> {
  const body: Omit<UpdateMilestone, 'version'> = {};
  if (v.name !== m.name) body.name = v.name;
  if (v.phase !== m.phase) body.phase = v.phase;
  if (v.ownerId !== (m.owner?.id ?? null)) body.ownerId = v.ownerId;
  if (v.isCritical !== m.isCritical) body.isCritical = v.isCritical;
  if (v.baselineDate !== m.baselineDate) body.baselineDate = v.baselineDate;
  if (v.toleranceDays !== m.toleranceDays) body.toleranceDays = v.toleranceDays;
  return body;
}

export function EditMilestoneDialog({ programId, milestone, users, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(milestone.version);
  const programDefault = useProgram(programId).data?.toleranceDays;
  // A new baseline date re-states a promise: it needs a reason (the server's REASON_REQUIRED, said before sending).
  const schema = EditMilestoneForm.superRefine((v, ctx) => {
    if (v.baselineDate !== milestone.baselineDate && v.reason === '') ctx.addIssue({ code: 'custom', input: '', path: ['reason'] });
  });
  const form = useFormMutation({
    schema,
    defaultValues: {
      name: milestone.name,
      phase: milestone.phase,
      ownerId: milestone.owner?.id ?? '',
      isCritical: milestone.isCritical,
      baselineDate: milestone.baselineDate,
      toleranceDays: milestone.toleranceDays === null ? '' : String(milestone.toleranceDays),
      reason: '',
    },
    required: {
      name: t('form.required.name'),
      ownerId: t('form.required.owner'),
      baselineDate: t('form.required.baselineDate'),
      reason: t('form.required.baselineReason'),
    },
    isUnchanged: (v) => Object.keys(changes(milestone, v)).length === 0,
    send: (v) =>
      api.updateMilestone(programId, milestone.id, {
        version: version.base,
        ...changes(milestone, v),
        ...(v.reason ? { reason: v.reason } : {}),
      }),
    onSaved,
    subject: milestone,
    onConflict: version.onConflict,
    refresh: () => invalidateProgram(client, programId),
  });

  return (
    <FormDialog title={t('form.editTitle', { key: milestone.key, name: milestone.name })} form={form} onClose={onClose}>
      <TextField name="name" label={t('form.name')} />
      <PhaseSelect />
      <OwnerSelect users={users} current={milestone.owner} />
      <CheckboxField name="isCritical" label={t('form.critical')} hint={t('form.criticalHint')} />
      <DateField name="baselineDate" label={t('form.baselineDate')} hint={t('form.baselineHint')} />
      <NumberField
        name="toleranceDays"
        label={t('plan.tolerance.label')}
        hint={programDefault === undefined ? t('plan.tolerance.hintEmpty') : t('plan.tolerance.hint', { count: programDefault })}
      />
      <TextField name="reason" label={t('form.reason')} hint={t('form.baselineReasonHint')} rows={3} />
    </FormDialog>
  );
}
