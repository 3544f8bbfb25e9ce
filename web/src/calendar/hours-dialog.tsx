import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isTimeZone } from '../../../src/domain/plain-date.js';
import { Field } from '../components/field.js';
import { useFormField } from '../forms/form-context.js';
import { FormDialog } from '../forms/form-dialog.js';
import { numberOrNull } from '../forms/form-values.js';
import { SelectField } from '../forms/select-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useEndOfDay } from './calendar-answer.js';
import type { ProgramCalendar } from './calendar-api.js';
import { calendarReason, specShape, useCalendarWrite } from './calendar-write.js';
import { ReasonField } from './reason-field.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  onClose: () => void;
  onSaved: () => void;
}

const hours = Array.from({ length: 25 }, (_, h) => h);

/** A time zone typed with the browser's zones offered as suggestions. */
function TimeZoneField() {
  const { t } = useTranslation();
  const { id, error, registration } = useFormField('timeZone');
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  return (
    <Field id={id} name="timeZone" label={t('calendar.edit.timeZone')} hint={t('calendar.edit.timeZoneHint')} error={error}>
      {(c) => (
        <>
          <input {...c} type="text" autoComplete="off" spellCheck={false} list={`${id}-zones`} {...registration} />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

/** Where the factory's days are counted (its time zone) and the local hour a business day ends. */
export function HoursDialog({ programId, calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const endOfDay = useEndOfDay();
  const write = useCalendarWrite(programId, calendar);
  const schema = z.object({
    timeZone: z
      .string()
      .trim()
      .pipe(specShape.timeZone as z.ZodType<string, string>)
      .superRefine((zone, ctx) => {
        if (!isTimeZone(zone))
          ctx.addIssue({ code: 'custom', input: zone, params: { text: t('calendar.edit.required.knownTimeZone', { zone }) } });
      }),
    endOfDayHour: numberOrNull(specShape.endOfDayHour),
    reason: calendarReason,
  });
  const form = useFormMutation({
    ...write.options,
    schema,
    defaultValues: { timeZone: calendar.spec.timeZone, endOfDayHour: String(calendar.spec.endOfDayHour), reason: '' },
    required: { timeZone: t('calendar.edit.required.timeZone'), reason: t('calendar.edit.required.reason') },
    send: ({ timeZone, endOfDayHour, reason }) => write.save((spec) => ({ ...spec, timeZone, endOfDayHour }), reason),
    onSaved,
  });

  return (
    <FormDialog title={t('calendar.edit.hoursTitle')} form={form} onClose={onClose}>
      <TimeZoneField />
      <SelectField name="endOfDayHour" label={t('calendar.edit.endOfDayHour')} hint={t('calendar.edit.endOfDayHint')}>
        {hours.map((h) => (
          <option key={h} value={String(h)}>
            {endOfDay(h)}
          </option>
        ))}
      </SelectField>
      <ReasonField />
    </FormDialog>
  );
}
