import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompleteMilestone, Milestone } from '../../../src/contract/milestone.js';
import { DateInput } from '../components/date-input.js';
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
  /** Today in the program's time zone: the default, and the latest allowed, actual date. */
  today: string;
  onClose: () => void;
  onSaved: (m: Milestone) => void;
}

const fields = ['actualDate', 'reason'] as const;

export function CompleteMilestoneDialog({ programId, milestone, today, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [version, setVersion] = useState(milestone.version);
  const [actualDate, setActualDate] = useState<string>(today);
  const [note, setNote] = useState('');
  const write = useMilestoneWrite<CompleteMilestone>({
    programId,
    formId,
    fields,
    send: (body) => api.completeMilestone(programId, milestone.id, body),
    onSaved,
    milestone,
    onConflict: setVersion,
  });
  const err = write.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const actual = toPlainDate(actualDate);
    if (!actual) errors.actualDate = t('form.required.actualDate');
    if (!actual || Object.keys(errors).length > 0) return write.fail(errors);
    const body: CompleteMilestone = { version, actualDate: actual };
    if (note.trim()) body.reason = note.trim();
    void write.submit(body);
  };

  return (
    <ModalDialog title={t('form.completeTitle', { key: milestone.key, name: milestone.name })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <Field
          id={`${formId}-actualDate`}
          name="actualDate"
          label={t('form.actualDate')}
          hint={t('form.actualHint', { today: formatPlainDate(today) })}
          error={err.actualDate}
        >
          {(c) => <DateInput control={c} value={actualDate} onChange={setActualDate} max={today} />}
        </Field>
        <Field id={`${formId}-reason`} name="reason" label={t('form.note')} hint={t('form.noteHint')} error={err.reason}>
          {(c) => <textarea {...c} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <FormButtons pending={write.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
