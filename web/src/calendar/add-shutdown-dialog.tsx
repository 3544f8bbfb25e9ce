import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull } from '../forms/form-values.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import type { ProgramCalendar, Shutdown } from './calendar-api.js';
import { calendarReason, specShape, useCalendarWrite } from './calendar-write.js';
import { ReasonField } from './reason-field.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  onClose: () => void;
  onSaved: (s: Shutdown) => void;
}

const shutdown = specShape.shutdowns.unwrap().element.shape;
/** A shutdown as the contract checks it; an empty last day means the first day alone. */
const ShutdownForm = z.object({
  from: shutdown.from,
  to: blankAsNull(shutdown.to.nullable()),
  label: shutdown.label,
  reason: calendarReason,
});

/** A span of days the factory is closed, whatever the public calendar says. */
export function AddShutdownDialog({ programId, calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const write = useCalendarWrite(programId, calendar);
  const schema = ShutdownForm.superRefine((v, ctx) => {
    if (v.to !== null && v.to < v.from)
      ctx.addIssue({ code: 'custom', input: v.to, path: ['to'], params: { text: t('calendar.edit.required.toAfterFrom') } });
  });
  const form = useFormMutation({
    ...write.options,
    schema,
    defaultValues: { from: '', to: '', label: '', reason: '' },
    required: {
      from: t('calendar.edit.required.from'),
      label: t('calendar.edit.required.label'),
      reason: t('calendar.edit.required.reason'),
    },
    send: async ({ from, to, label, reason }) => {
      const added: Shutdown = { from, to: to ?? from, label };
      await write.save((spec) => ({ ...spec, shutdowns: [...(spec.shutdowns ?? []), added] }), reason);
      return added;
    },
    onSaved,
  });

  return (
    <FormDialog title={t('calendar.edit.addShutdownTitle')} form={form} onClose={onClose}>
      <p className="form__context">{t('calendar.edit.shutdownIntro')}</p>
      <div className="form__pair">
        <DateField name="from" label={t('calendar.edit.from')} />
        <DateField name="to" label={t('calendar.edit.to')} hint={t('calendar.edit.toHint')} />
      </div>
      <TextField name="label" label={t('calendar.edit.label')} hint={t('calendar.edit.shutdownLabelHint')} isRequired />
      <ReasonField />
    </FormDialog>
  );
}
