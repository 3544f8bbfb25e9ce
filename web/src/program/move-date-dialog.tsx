import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, MoveMilestone } from '../../../src/contract/milestone.js';
import { Field } from '../components/field.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { api } from '../lib/api.js';
import { formatPlainDate } from '../lib/format.js';
import { toPlainDate } from '../lib/plain-date.js';
import { type FieldErrors, useMilestoneWrite } from './use-milestone-write.js';

interface Props {
  programId: string;
  milestone: Milestone;
  onClose: () => void;
  onSaved: (m: Milestone) => void;
}

const fields = ['forecastDate', 'reason'] as const;

export function MoveDateDialog({ programId, milestone, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [version, setVersion] = useState(milestone.version);
  const [forecastDate, setForecastDate] = useState<string>(milestone.forecastDate);
  const [reason, setReason] = useState('');
  const write = useMilestoneWrite<MoveMilestone>({
    programId,
    formId,
    fields,
    send: (body) => api.moveMilestone(programId, milestone.id, body),
    onSaved,
    milestone,
    onConflict: setVersion,
  });
  const err = write.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const forecast = toPlainDate(forecastDate);
    if (!forecast) errors.forecastDate = t('form.required.forecastDate');
    if (!reason.trim()) errors.reason = t('form.required.moveReason');
    if (!forecast || Object.keys(errors).length > 0) return write.fail(errors);
    void write.submit({ version, forecastDate: forecast, reason: reason.trim() });
  };

  return (
    <ModalDialog title={t('form.moveTitle', { key: milestone.key, name: milestone.name })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <p className="form__context">
          {t('form.currentForecast', {
            date: formatPlainDate(milestone.forecastDate),
            baseline: formatPlainDate(milestone.baselineDate),
          })}
        </p>
        <Field id={`${formId}-forecastDate`} name="forecastDate" label={t('form.newForecastDate')} error={err.forecastDate}>
          {(c) => <input {...c} type="date" value={forecastDate} onChange={(e) => setForecastDate(e.target.value)} />}
        </Field>
        <Field id={`${formId}-reason`} name="reason" label={t('form.reason')} hint={t('form.moveReasonHint')} error={err.reason}>
          {(c) => (
            <textarea {...c} rows={3} maxLength={2000} aria-required="true" value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <FormButtons pending={write.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
