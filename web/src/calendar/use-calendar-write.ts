import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors, useForm } from '../components/use-form.js';
import { ApiError } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type CalendarSpec, calendarApi, type ProgramCalendar } from './calendar-api.js';

export type { FieldErrors };

interface Options {
  programId: string;
  /** Prefix of the form's control ids: a control's id is `${formId}-${field}`. */
  formId: string;
  /** The fields this form shows; server errors for other paths go to the summary. */
  fields: readonly string[];
  /** The calendar as loaded now. */
  calendar: ProgramCalendar;
}

/** "spec.shutdowns.3.label" → "label", "spec.countries.0.country" → "countries", "spec.timeZone" → "timeZone". */
export function calendarField(path: string): string {
  const p = path.replace(/^spec\./, '');
  const item = /^(?:shutdowns|exceptions)\.\d+\.(\w+)$/.exec(p);
  if (item?.[1]) return item[1];
  if (/^countries(\.|$)/.test(p)) return 'countries';
  return p;
}

/**
 * Saves one change to the calendar: the whole spec, built from the one read when the form opened,
 * with that version and a reason. When someone else changed the program meanwhile, the calendar is
 * reloaded, the form keeps the person's input and the next save builds on the latest spec.
 */
export function useCalendarWrite({ programId, formId, fields, calendar }: Options) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [base, setBase] = useState(calendar);
  const [follow, setFollow] = useState(false);
  useEffect(() => {
    if (follow) setBase(calendar);
  }, [follow, calendar]);

  const form = useForm({
    formId,
    fields,
    fieldOf: calendarField,
    messageFor: (error) => {
      if (error.code === 'VERSION_CONFLICT') return t('calendar.edit.conflict');
      const paths = Object.keys(error.fieldErrors()).map(calendarField);
      if (paths.length > 0 && paths.every((p) => fields.includes(p))) return t('form.checkFields', { count: paths.length });
      return null;
    },
  });

  /** Sends `change(spec)` with the reason; refusals appear by their fields. */
  const save = (change: (spec: CalendarSpec) => CalendarSpec, reason: string, onSaved: () => void) =>
    form.submit(
      async () => {
        try {
          return await calendarApi.update(programId, { version: base.version, spec: change(base.spec), reason });
        } catch (error) {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
            setFollow(true);
            await invalidateRecords(client, programId);
          }
          throw error;
        }
      },
      async () => {
        onSaved();
        await invalidateRecords(client, programId);
      },
    );

  return { ...form, save, base, errors: form.state.fieldErrors };
}
