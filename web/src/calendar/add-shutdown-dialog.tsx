import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { toPlainDate } from '../lib/plain-date.js';
import { DateField } from '../records/date-field.js';
import { TextField } from '../records/text-field.js';
import type { ProgramCalendar, Shutdown } from './calendar-api.js';
import { ReasonField } from './reason-field.js';
import { type FieldErrors, useCalendarWrite } from './use-calendar-write.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  onClose: () => void;
  onSaved: (s: Shutdown) => void;
}

const fields = ['from', 'to', 'label', 'reason'] as const;

/** A span of days the factory is closed, whatever the public calendar says. */
export function AddShutdownDialog({ programId, calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [label, setLabel] = useState('');
  const [reason, setReason] = useState('');
  const write = useCalendarWrite({ programId, formId, fields, calendar });
  const err = write.errors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const start = toPlainDate(from);
    const end = toPlainDate(to || from);
    if (!start) errors.from = t('calendar.edit.required.from');
    if (to && !toPlainDate(to)) errors.to = t('records.invalidDate');
    if (start && end && end < start) errors.to = t('calendar.edit.required.toAfterFrom');
    if (!label.trim()) errors.label = t('calendar.edit.required.label');
    if (!reason.trim()) errors.reason = t('calendar.edit.required.reason');
    if (!start || !end || Object.keys(errors).length > 0) return write.fail(errors);
    const shutdown: Shutdown = { from: start, to: end, label: label.trim() };
    void write.save(
      (spec) => ({ ...spec, shutdowns: [...(spec.shutdowns ?? []), shutdown] }),
      reason.trim(),
      () => onSaved(shutdown),
    );
  };

  return (
    <ModalDialog title={t('calendar.edit.addShutdownTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <p className="form__context">{t('calendar.edit.shutdownIntro')}</p>
        <div className="form__pair">
          <DateField formId={formId} name="from" label={t('calendar.edit.from')} error={err.from} value={from} onChange={setFrom} />
          <DateField
            formId={formId}
            name="to"
            label={t('calendar.edit.to')}
            hint={t('calendar.edit.toHint')}
            error={err.to}
            value={to}
            onChange={setTo}
          />
        </div>
        <TextField
          formId={formId}
          name="label"
          label={t('calendar.edit.label')}
          hint={t('calendar.edit.shutdownLabelHint')}
          error={err.label}
          value={label}
          onChange={setLabel}
          maxLength={100}
          isRequired
        />
        <ReasonField formId={formId} value={reason} onChange={setReason} error={err.reason} />
        <FormButtons pending={write.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
