import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateMilestone, Milestone } from '../../../src/contract/milestone.js';
import { DateInput } from '../components/date-input.js';
import { Field } from '../components/field.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import type { ProgramPerson } from '../lib/api.js';
import { api } from '../lib/api.js';
import type { Phase } from '../lib/phases.js';
import { isOutOfRange, toPlainDate } from '../lib/plain-date.js';
import { OwnerSelect } from './owner-select.js';
import { PhaseSelect } from './phase-select.js';
import { type FieldErrors, useMilestoneWrite } from './use-milestone-write.js';

interface Props {
  programId: string;
  defaultPhase: Phase;
  users: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (m: Milestone) => void;
}

const fields = ['name', 'phase', 'ownerId', 'baselineDate', 'forecastDate', 'isCritical'] as const;

export function AddMilestoneDialog({ programId, defaultPhase, users, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [name, setName] = useState('');
  const [phase, setPhase] = useState<Phase>(defaultPhase);
  const [ownerId, setOwnerId] = useState('');
  const [baselineDate, setBaselineDate] = useState('');
  const [forecastDate, setForecastDate] = useState('');
  const [isCritical, setIsCritical] = useState(false);
  const write = useMilestoneWrite<CreateMilestone>({
    programId,
    formId,
    fields,
    send: (body) => api.createMilestone(programId, body),
    onSaved,
  });
  const err = write.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!name.trim()) errors.name = t('form.required.name');
    const baseline = toPlainDate(baselineDate);
    const forecast = toPlainDate(forecastDate);
    if (!baseline) errors.baselineDate = isOutOfRange(baselineDate) ? t('form.dateOutOfRange') : t('form.required.baselineDate');
    if (forecastDate && !forecast)
      errors.forecastDate = isOutOfRange(forecastDate) ? t('form.dateOutOfRange') : t('form.required.forecastDate');
    if (!baseline || Object.keys(errors).length > 0) return write.fail(errors);
    const body: CreateMilestone = { name: name.trim(), phase, baselineDate: baseline, isCritical };
    if (ownerId) body.ownerId = ownerId;
    if (forecast) body.forecastDate = forecast;
    void write.submit(body);
  };

  return (
    <ModalDialog title={t('form.addTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <Field id={`${formId}-name`} name="name" label={t('form.name')} error={err.name}>
          {(c) => <input {...c} type="text" autoComplete="off" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <PhaseSelect formId={formId} value={phase} onChange={setPhase} error={err.phase} />
        <OwnerSelect formId={formId} users={users} value={ownerId} onChange={setOwnerId} error={err.ownerId} />
        <div className="form__pair">
          <Field
            id={`${formId}-baselineDate`}
            name="baselineDate"
            label={t('form.baselineDate')}
            hint={t('form.baselineHint')}
            error={err.baselineDate}
          >
            {(c) => <DateInput control={c} value={baselineDate} onChange={setBaselineDate} />}
          </Field>
          <Field
            id={`${formId}-forecastDate`}
            name="forecastDate"
            label={t('form.forecastDate')}
            hint={t('form.forecastHint')}
            error={err.forecastDate}
          >
            {(c) => <DateInput control={c} value={forecastDate} onChange={setForecastDate} />}
          </Field>
        </div>
        <Field
          id={`${formId}-isCritical`}
          name="isCritical"
          label={t('form.critical')}
          hint={t('form.criticalHint')}
          error={err.isCritical}
          inline
        >
          {(c) => <input {...c} type="checkbox" checked={isCritical} onChange={(e) => setIsCritical(e.target.checked)} />}
        </Field>
        <FormButtons pending={write.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
