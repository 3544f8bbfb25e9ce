import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { formatPlainDate } from '../lib/format.js';
import { toPlainDate } from '../lib/plain-date.js';
import { ChoiceSelect } from '../records/choice-select.js';
import { DateField } from '../records/date-field.js';
import { TextField } from '../records/text-field.js';
import type { CalendarException, ProgramCalendar } from './calendar-api.js';
import { ReasonField } from './reason-field.js';
import { type FieldErrors, useCalendarWrite } from './use-calendar-write.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  onClose: () => void;
  onSaved: (e: CalendarException) => void;
}

const fields = ['date', 'working', 'label', 'reason'] as const;
const choices = ['closed', 'working'] as const;
type Choice = (typeof choices)[number];

/** A one-off decision for one day: closed though it is a working day, or worked though it is not. */
export function AddExceptionDialog({ programId, calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [date, setDate] = useState('');
  const [choice, setChoice] = useState<Choice>('closed');
  const [label, setLabel] = useState('');
  const [reason, setReason] = useState('');
  const write = useCalendarWrite({ programId, formId, fields, calendar });
  const err = write.errors;
  const day = toPlainDate(date);
  const existing = day ? write.base.spec.exceptions?.find((x) => x.date === day) : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!day) errors.date = t('calendar.edit.required.date');
    if (!label.trim()) errors.label = t('calendar.edit.required.label');
    if (!reason.trim()) errors.reason = t('calendar.edit.required.reason');
    if (!day || Object.keys(errors).length > 0) return write.fail(errors);
    const exception: CalendarException = { date: day, working: choice === 'working', label: label.trim() };
    // One exception per date: a new one replaces the one set before.
    void write.save(
      (spec) => ({ ...spec, exceptions: [...(spec.exceptions ?? []).filter((x) => x.date !== day), exception] }),
      reason.trim(),
      () => onSaved(exception),
    );
  };

  return (
    <ModalDialog title={t('calendar.edit.addExceptionTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <p className="form__context">{t('calendar.edit.exceptionIntro')}</p>
        <DateField
          formId={formId}
          name="date"
          label={t('calendar.edit.date')}
          hint={
            existing
              ? t('calendar.edit.replaces', {
                  date: formatPlainDate(existing.date),
                  what: existing.working ? t('calendar.edit.choice.working') : t('calendar.edit.choice.closed'),
                  label: existing.label,
                })
              : undefined
          }
          error={err.date}
          value={date}
          onChange={setDate}
        />
        <ChoiceSelect
          formId={formId}
          name="working"
          label={t('calendar.edit.working')}
          choices={choices}
          labelOf={(c) => t(`calendar.edit.choice.${c}`)}
          value={choice}
          onChange={setChoice}
          error={err.working}
        />
        <TextField
          formId={formId}
          name="label"
          label={t('calendar.edit.label')}
          hint={t('calendar.edit.exceptionLabelHint')}
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
