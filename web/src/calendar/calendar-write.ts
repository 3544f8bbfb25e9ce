import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UpdateProgramCalendarSchema } from '../../../src/contract/calendar.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ApiError } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type CalendarSpec, calendarApi, type ProgramCalendar } from './calendar-api.js';

/** The spec's parts as the contract checks them, for the calendar forms' schemas. */
export const specShape = UpdateProgramCalendarSchema.shape.spec.shape;
/** Every change to the calendar says why. */
export const calendarReason = UpdateProgramCalendarSchema.shape.reason;

/** "spec.shutdowns.3.label" → "label", "spec.countries.0.country" → "countries", "spec.timeZone" → "timeZone". */
export function calendarField(path: string): string {
  const p = path.replace(/^spec\./, '');
  const item = /^(?:shutdowns|exceptions)\.\d+\.(\w+)$/.exec(p);
  if (item?.[1]) return item[1];
  if (/^countries(\.|$)/.test(p)) return 'countries';
  return p;
}

/**
 * One change to the calendar: the whole spec, built from the one read when the form opened, with
 * that version and a reason. When someone else changed the program meanwhile, the calendar is
 * reloaded, the form keeps the person's input and the next save builds on the latest spec.
 * `options` go to useFormMutation.
 */
export function useCalendarWrite(programId: string, calendar: ProgramCalendar) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { base, onConflict } = useRebase(calendar);
  return {
    base,
    save: (change: (spec: CalendarSpec) => CalendarSpec, reason: string) =>
      calendarApi.update(programId, { version: base.version, spec: change(base.spec), reason }),
    options: {
      fieldOf: calendarField,
      onConflict,
      messageFor: (error: ApiError) => (error.code === 'VERSION_CONFLICT' ? t('calendar.edit.conflict') : null),
      refresh: () => invalidateRecords(client, programId),
    },
  };
}
