import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { formatPlainDate } from '../lib/format.js';
import { toPlainDate } from '../lib/plain-date.js';
import type { CalendarException, ProgramCalendar } from './calendar-api.js';
import { calendarReason, specShape, useCalendarWrite } from './calendar-write.js';
import { ReasonField } from './reason-field.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  onClose: () => void;
  onSaved: (e: CalendarException) => void;
}

const choices = ['closed', 'working'] as const;
const exception = specShape.exceptions.unwrap().element.shape;
/** An exception as the contract checks it; whether the factory works is chosen in words. */
const ExceptionForm = z.object({ date: exception.date, working: z.enum(choices), label: exception.label, reason: calendarReason });

/** A one-off decision for one day: closed though it is a working day, or worked though it is not. */
export function AddExceptionDialog({ programId, calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const write = useCalendarWrite(programId, calendar);
  const form = useFormMutation({
    ...write.options,
    schema: ExceptionForm,
    defaultValues: { date: '', working: 'closed', label: '', reason: '' },
    required: {
      date: t('calendar.edit.required.date'),
      label: t('calendar.edit.required.label'),
      reason: t('calendar.edit.required.reason'),
    },
    send: async ({ date, working, label, reason }) => {
      const added: CalendarException = { date, working: working === 'working', label };
      // One exception per date: a new one replaces the one set before.
      await write.save((spec) => ({ ...spec, exceptions: [...(spec.exceptions ?? []).filter((x) => x.date !== date), added] }), reason);
      return added;
    },
    onSaved,
  });
  const day = toPlainDate(useWatch({ control: form.methods.control, name: 'date' }) as string);
  const existing = day ? write.base.spec.exceptions?.find((x) => x.date === day) : undefined;

  return (
    <FormDialog title={t('calendar.edit.addExceptionTitle')} form={form} onClose={onClose}>
      <p className="form__context">{t('calendar.edit.exceptionIntro')}</p>
      <DateField
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
      />
      <SelectField name="working" label={t('calendar.edit.working')}>
        <ChoiceOptions choices={choices} labelOf={(c) => t(`calendar.edit.choice.${c}`)} />
      </SelectField>
      <TextField name="label" label={t('calendar.edit.label')} hint={t('calendar.edit.exceptionLabelHint')} isRequired />
      <ReasonField />
    </FormDialog>
  );
}
