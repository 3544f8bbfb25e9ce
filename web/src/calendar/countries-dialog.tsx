import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDialog } from '../forms/form-dialog.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { formatCountry, formatList } from '../lib/format.js';
import type { ProgramCalendar } from './calendar-api.js';
import { calendarReason, specShape, useCalendarWrite } from './calendar-write.js';
import { ReasonField } from './reason-field.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  onClose: () => void;
  onSaved: (codes: readonly string[]) => void;
}

const modes = ['any_closed', 'all_closed'] as const;
const isCountryCode = (c: string) => /^[A-Z]{2}$/.test(c);

/** "cn, de" → ["CN", "DE"], each once, in the order typed. */
export const parseCountryCodes = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase()),
  ),
];

/** Whose public holidays the program keeps, and whether a day off in one country stops the program. */
export function CountriesDialog({ programId, calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const write = useCalendarWrite(programId, calendar);
  // The codes typed in one field, as the contract's list of countries (its limits: the code's form, how many).
  const schema = z.object({
    countries: z
      .string()
      .superRefine((text, ctx) => {
        const bad = parseCountryCodes(text).filter((c) => !isCountryCode(c));
        if (bad.length > 0)
          ctx.addIssue({
            code: 'custom',
            input: text,
            params: { text: t('calendar.edit.required.countryCodes', { codes: bad.join(', ') }) },
          });
      })
      .transform((text) => parseCountryCodes(text).map((country) => ({ country })))
      .pipe(specShape.countries),
    countryMode: specShape.countryMode.unwrap(),
    reason: calendarReason,
  });
  const form = useFormMutation({
    ...write.options,
    schema,
    defaultValues: {
      countries: calendar.spec.countries.map((c) => c.country).join(', '),
      countryMode: calendar.spec.countryMode ?? 'any_closed',
      reason: '',
    },
    required: { reason: t('calendar.edit.required.reason') },
    send: async ({ countries, countryMode, reason }) => {
      const codes = countries.map((c) => c.country);
      await write.save(
        // A country kept keeps its region (e.g. a German state's holidays).
        (spec) => ({
          ...spec,
          countries: codes.map((country) => spec.countries.find((c) => c.country === country) ?? { country }),
          countryMode,
        }),
        reason,
      );
      return codes;
    },
    onSaved,
  });
  const valid = parseCountryCodes(useWatch({ control: form.methods.control, name: 'countries' })).filter(isCountryCode);

  return (
    <FormDialog title={t('calendar.edit.countriesTitle')} form={form} onClose={onClose}>
      <TextField
        name="countries"
        label={t('calendar.edit.countries')}
        hint={
          valid.length > 0
            ? t('calendar.edit.countriesHintNamed', { names: formatList(valid.map(formatCountry)) })
            : t('calendar.edit.countriesHint')
        }
      />
      <SelectField name="countryMode" label={t('calendar.edit.countryMode')} hint={t('calendar.edit.countryModeHint')}>
        <ChoiceOptions choices={modes} labelOf={(m) => t(`calendar.edit.mode.${m}`)} />
      </SelectField>
      <ReasonField />
    </FormDialog>
  );
}
