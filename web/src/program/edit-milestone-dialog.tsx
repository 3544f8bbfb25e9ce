import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, UpdateMilestone } from '../../../src/contract/milestone.js';
import { DateInput } from '../components/date-input.js';
import { Field } from '../components/field.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import type { ProgramPerson } from '../lib/api.js';
import { api } from '../lib/api.js';
import type { Phase } from '../lib/phases.js';
import { toPlainDate } from '../lib/plain-date.js';
import { useProgram } from '../lib/queries.js';
import { OwnerSelect } from './owner-select.js';
import { PhaseSelect } from './phase-select.js';
import { type FieldErrors, useMilestoneWrite } from './use-milestone-write.js';

interface Props {
  programId: string;
  /** The milestone as currently loaded; it updates after a refresh. */
  milestone: Milestone;
  users: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (m: Milestone) => void;
}

const fields = ['name', 'phase', 'ownerId', 'isCritical', 'baselineDate', 'toleranceDays', 'reason'] as const;

/** Empty: the program's default (null); otherwise whole business days 0–250; undefined when not a valid number. */
const toTolerance = (value: string): number | null | undefined => {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 250 ? n : undefined;
};

export function EditMilestoneDialog({ programId, milestone, users, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [version, setVersion] = useState(milestone.version);
  const [name, setName] = useState(milestone.name);
  const [phase, setPhase] = useState<Phase>(milestone.phase);
  const [ownerId, setOwnerId] = useState(milestone.owner?.id ?? '');
  const [isCritical, setIsCritical] = useState(milestone.isCritical);
  const [baselineDate, setBaselineDate] = useState<string>(milestone.baselineDate);
  const [tolerance, setTolerance] = useState(milestone.toleranceDays === null ? '' : String(milestone.toleranceDays));
  const programDefault = useProgram(programId).data?.toleranceDays;
  const [reason, setReason] = useState('');
  const write = useMilestoneWrite<UpdateMilestone>({
    programId,
    formId,
    fields,
    send: (body) => api.updateMilestone(programId, milestone.id, body),
    onSaved,
    milestone,
    onConflict: setVersion,
  });
  const err = write.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!name.trim()) errors.name = t('form.required.name');
    const baseline = toPlainDate(baselineDate);
    if (!baseline) errors.baselineDate = t('form.required.baselineDate');
    const baselineChanges = baselineDate !== milestone.baselineDate;
    if (baselineChanges && !reason.trim()) errors.reason = t('form.required.baselineReason');
    const toleranceDays = toTolerance(tolerance);
    if (toleranceDays === undefined) errors.toleranceDays = t('plan.tolerance.invalid');
    if (!baseline || Object.keys(errors).length > 0) return write.fail(errors);

    // Send only what differs from the milestone as now loaded.
    const body: UpdateMilestone = { version };
    if (name.trim() !== milestone.name) body.name = name.trim();
    if (phase !== milestone.phase) body.phase = phase;
    if (ownerId !== (milestone.owner?.id ?? '')) body.ownerId = ownerId || null;
    if (isCritical !== milestone.isCritical) body.isCritical = isCritical;
    if (baselineChanges) body.baselineDate = baseline;
    if (toleranceDays !== undefined && toleranceDays !== milestone.toleranceDays) body.toleranceDays = toleranceDays;
    if (Object.keys(body).length === 1) return write.fail({}, t('form.nothingChanged'));
    if (reason.trim()) body.reason = reason.trim();
    void write.submit(body);
  };

  return (
    <ModalDialog title={t('form.editTitle', { key: milestone.key, name: milestone.name })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <Field id={`${formId}-name`} name="name" label={t('form.name')} error={err.name}>
          {(c) => <input {...c} type="text" autoComplete="off" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <PhaseSelect formId={formId} value={phase} onChange={setPhase} error={err.phase} />
        <OwnerSelect formId={formId} users={users} value={ownerId} onChange={setOwnerId} error={err.ownerId} current={milestone.owner} />
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
          id={`${formId}-toleranceDays`}
          name="toleranceDays"
          label={t('plan.tolerance.label')}
          hint={programDefault === undefined ? t('plan.tolerance.hintEmpty') : t('plan.tolerance.hint', { count: programDefault })}
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
              value={tolerance}
              onChange={(e) => setTolerance(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${formId}-reason`} name="reason" label={t('form.reason')} hint={t('form.baselineReasonHint')} error={err.reason}>
          {(c) => <textarea {...c} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormButtons pending={write.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
