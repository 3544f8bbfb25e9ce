import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/field.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { toPlainDate } from '../lib/plain-date.js';
import { type Plan, type PlanSettings, planViewApi } from '../lib/plan-view-queries.js';
import { DateField } from '../records/date-field.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';

interface Props {
  programId: string;
  plan: Plan;
  onClose: () => void;
  onDone: (message: string) => void;
}

const fields = ['toleranceDays', 'targetReleaseDate', 'reason'] as const;

/** The program's default tolerance and target release date, changed with a reason. */
export function PlanSettingsDialog({ programId, plan, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(plan.version);
  const [tolerance, setTolerance] = useState(String(plan.toleranceDays));
  const [target, setTarget] = useState(plan.targetReleaseDate ?? '');
  const [reason, setReason] = useState('');
  const form = useRecordForm({ programId, formId, fields, subject: { key: plan.code }, onConflict });
  const err = form.errors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const toleranceDays = Number(tolerance);
    if (tolerance.trim() === '' || !Number.isInteger(toleranceDays) || toleranceDays < 0 || toleranceDays > 250)
      errors.toleranceDays = t('plan.tolerance.invalidDefault');
    const targetDate = target === '' ? null : toPlainDate(target);
    if (target !== '' && targetDate === null) errors.targetReleaseDate = t('records.invalidDate');
    if (!reason.trim()) errors.reason = t('plan.settings.reasonRequired');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    const body: PlanSettings = { version, reason: reason.trim() };
    if (toleranceDays !== plan.toleranceDays) body.toleranceDays = toleranceDays;
    if (targetDate !== plan.targetReleaseDate) body.targetReleaseDate = targetDate;
    if (body.toleranceDays === undefined && body.targetReleaseDate === undefined) return form.fail({}, t('form.nothingChanged'));
    void form.send(
      () => planViewApi.updateSettings(programId, body),
      () => onDone(t('plan.settings.done')),
    );
  };

  return (
    <ModalDialog title={t('plan.settings.title', { code: plan.code })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <Field
          id={`${formId}-toleranceDays`}
          name="toleranceDays"
          label={t('plan.settings.tolerance')}
          hint={t('plan.settings.toleranceHint')}
          error={err.toleranceDays}
        >
          {(c) => (
            <input
              {...c}
              type="number"
              inputMode="numeric"
              min={0}
              max={250}
              step={1}
              aria-required="true"
              value={tolerance}
              onChange={(e) => setTolerance(e.target.value)}
            />
          )}
        </Field>
        <DateField
          formId={formId}
          name="targetReleaseDate"
          label={t('plan.settings.target')}
          hint={t('plan.settings.targetHint')}
          error={err.targetReleaseDate}
          value={target}
          onChange={setTarget}
        />
        <TextField
          formId={formId}
          name="reason"
          label={t('form.reason')}
          hint={t('plan.settings.reasonHint')}
          error={err.reason}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={2000}
          isRequired
        />
        <FormButtons pending={form.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
