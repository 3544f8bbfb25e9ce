import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PlanSettingsSchema } from '../../../src/contract/plan.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull, numberOrNull } from '../forms/form-values.js';
import { NumberField } from '../forms/number-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { type Plan, planViewApi } from '../lib/plan-view-queries.js';
import { invalidateRecords } from '../lib/record-queries.js';

interface Props {
  programId: string;
  plan: Plan;
  onClose: () => void;
  onDone: (message: string) => void;
}

const shape = PlanSettingsSchema.shape;
/** The settings as the form holds them: both shown, so neither optional; the number and date as typed. */
const PlanSettingsForm = PlanSettingsSchema.pick({ reason: true }).extend({
  toleranceDays: numberOrNull(shape.toleranceDays.unwrap()),
  targetReleaseDate: blankAsNull(shape.targetReleaseDate.unwrap()),
});

/** The program's default tolerance and target release date, changed with a reason. */
export function PlanSettingsDialog({ programId, plan, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(plan.version);
  const form = useFormMutation({
    schema: PlanSettingsForm,
    defaultValues: { toleranceDays: String(plan.toleranceDays), targetReleaseDate: plan.targetReleaseDate ?? '', reason: '' },
    required: { toleranceDays: t('plan.tolerance.invalidDefault'), reason: t('plan.settings.reasonRequired') },
    isUnchanged: (v) => v.toleranceDays === plan.toleranceDays && v.targetReleaseDate === plan.targetReleaseDate,
    send: ({ toleranceDays, targetReleaseDate, reason }) =>
      planViewApi.updateSettings(programId, {
        version: version.base,
        reason,
        ...(toleranceDays !== plan.toleranceDays ? { toleranceDays } : {}),
        ...(targetReleaseDate !== plan.targetReleaseDate ? { targetReleaseDate } : {}),
      }),
    onSaved: () => onDone(t('plan.settings.done')),
    subject: { key: plan.code },
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog title={t('plan.settings.title', { code: plan.code })} form={form} onClose={onClose}>
      <NumberField name="toleranceDays" label={t('plan.settings.tolerance')} hint={t('plan.settings.toleranceHint')} isRequired />
      <DateField name="targetReleaseDate" label={t('plan.settings.target')} hint={t('plan.settings.targetHint')} />
      <TextField name="reason" label={t('form.reason')} hint={t('plan.settings.reasonHint')} rows={2} isRequired />
    </FormDialog>
  );
}
