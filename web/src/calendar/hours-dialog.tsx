import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTimeZone } from '../../../src/domain/plain-date.js';
import { Field } from '../components/field.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { useEndOfDay } from './calendar-answer.js';
import type { ProgramCalendar } from './calendar-api.js';
import { ReasonField } from './reason-field.js';
import { type FieldErrors, useCalendarWrite } from './use-calendar-write.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  onClose: () => void;
  onSaved: () => void;
}

const fields = ['timeZone', 'endOfDayHour', 'reason'] as const;
const hours = Array.from({ length: 25 }, (_, h) => h);

/** Where the factory's days are counted (its time zone) and the local hour a business day ends. */
export function HoursDialog({ programId, calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const endOfDay = useEndOfDay();
  const [timeZone, setTimeZone] = useState(calendar.spec.timeZone);
  const [hour, setHour] = useState(String(calendar.spec.endOfDayHour));
  const [reason, setReason] = useState('');
  const write = useCalendarWrite({ programId, formId, fields, calendar });
  const err = write.errors;
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const zone = timeZone.trim();
    if (!zone) errors.timeZone = t('calendar.edit.required.timeZone');
    else if (!isTimeZone(zone)) errors.timeZone = t('calendar.edit.required.knownTimeZone', { zone });
    if (!reason.trim()) errors.reason = t('calendar.edit.required.reason');
    if (Object.keys(errors).length > 0) return write.fail(errors);
    void write.save((spec) => ({ ...spec, timeZone: zone, endOfDayHour: Number(hour) }), reason.trim(), onSaved);
  };

  return (
    <ModalDialog title={t('calendar.edit.hoursTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <Field
          id={`${formId}-timeZone`}
          name="timeZone"
          label={t('calendar.edit.timeZone')}
          hint={t('calendar.edit.timeZoneHint')}
          error={err.timeZone}
        >
          {(c) => (
            <>
              <input
                {...c}
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={64}
                list={`${formId}-zones`}
                value={timeZone}
                onChange={(e) => setTimeZone(e.target.value)}
              />
              <datalist id={`${formId}-zones`}>
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          id={`${formId}-endOfDayHour`}
          name="endOfDayHour"
          label={t('calendar.edit.endOfDayHour')}
          hint={t('calendar.edit.endOfDayHint')}
          error={err.endOfDayHour}
        >
          {(c) => (
            <select {...c} value={hour} onChange={(e) => setHour(e.target.value)}>
              {hours.map((h) => (
                <option key={h} value={String(h)}>
                  {endOfDay(h)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ReasonField formId={formId} value={reason} onChange={setReason} error={err.reason} />
        <FormButtons pending={write.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
