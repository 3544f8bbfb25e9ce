import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDialog } from '../forms/form-dialog.js';
import { FormRefusal, useFormMutation } from '../forms/use-form-mutation.js';
import type { CalendarException, CalendarSpec, ProgramCalendar, Shutdown } from './calendar-api.js';
import { calendarReason, useCalendarWrite } from './calendar-write.js';
import { ReasonField } from './reason-field.js';
import { type Entry, useEntryText } from './use-entry-text.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  entry: Entry;
  onClose: () => void;
  onSaved: () => void;
}

const RemoveForm = z.object({ reason: calendarReason });

const sameShutdown = (a: Shutdown, b: Shutdown) => a.from === b.from && a.to === b.to && a.label === b.label;
const sameException = (a: CalendarException, b: CalendarException) => a.date === b.date && a.working === b.working && a.label === b.label;

/** The spec without the entry, or null when it is no longer there (someone else removed it). */
function without(spec: CalendarSpec, entry: Entry): CalendarSpec | null {
  if (entry.kind === 'shutdown') {
    const list = spec.shutdowns ?? [];
    const kept = list.filter((s) => !sameShutdown(s, entry.value));
    return kept.length === list.length ? null : { ...spec, shutdowns: kept };
  }
  const list = spec.exceptions ?? [];
  const kept = list.filter((x) => !sameException(x, entry.value));
  return kept.length === list.length ? null : { ...spec, exceptions: kept };
}

/** Takes a factory shutdown or a one-off exception out of the calendar, with a reason. */
export function RemoveEntryDialog({ programId, calendar, entry, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const entryText = useEntryText();
  const write = useCalendarWrite(programId, calendar);
  const form = useFormMutation({
    ...write.options,
    schema: RemoveForm,
    defaultValues: { reason: '' },
    required: { reason: t('calendar.edit.required.reason') },
    send: ({ reason }) => {
      if (!without(write.base.spec, entry)) throw new FormRefusal(t('calendar.edit.gone'));
      return write.save((spec) => without(spec, entry) ?? spec, reason);
    },
    onSaved,
  });

  const title = entry.kind === 'shutdown' ? t('calendar.edit.removeShutdownTitle') : t('calendar.edit.removeExceptionTitle');
  return (
    <FormDialog title={title} form={form} onClose={onClose} submitLabel={t('calendar.edit.remove')} isDanger>
      <p className="form__context">{t('calendar.edit.removeWhat', { what: entryText(entry) })}</p>
      <ReasonField />
    </FormDialog>
  );
}
