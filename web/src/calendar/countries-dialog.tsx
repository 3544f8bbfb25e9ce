import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { formatCountry, formatList } from '../lib/format.js';
import { ChoiceSelect } from '../records/choice-select.js';
import { TextField } from '../records/text-field.js';
import type { CalendarSpec, ProgramCalendar } from './calendar-api.js';
import { ReasonField } from './reason-field.js';
import { type FieldErrors, useCalendarWrite } from './use-calendar-write.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  onClose: () => void;
  onSaved: (codes: readonly string[]) => void;
}

const fields = ['countries', 'countryMode', 'reason'] as const;
const modes = ['any_closed', 'all_closed'] as const;
type Mode = (typeof modes)[number];
const MAX_COUNTRIES = 10;

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
  const formId = useId();
  const [codes, setCodes] = useState(calendar.spec.countries.map((c) => c.country).join(', '));
  const [mode, setMode] = useState<Mode>(calendar.spec.countryMode ?? 'any_closed');
  const [reason, setReason] = useState('');
  const write = useCalendarWrite({ programId, formId, fields, calendar });
  const err = write.errors;
  const parsed = parseCountryCodes(codes);
  const valid = parsed.filter((c) => /^[A-Z]{2}$/.test(c));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const bad = parsed.filter((c) => !/^[A-Z]{2}$/.test(c));
    if (bad.length > 0) errors.countries = t('calendar.edit.required.countryCodes', { codes: bad.join(', ') });
    else if (parsed.length > MAX_COUNTRIES) errors.countries = t('calendar.edit.required.tooManyCountries', { max: MAX_COUNTRIES });
    if (!reason.trim()) errors.reason = t('calendar.edit.required.reason');
    if (Object.keys(errors).length > 0) return write.fail(errors);
    const change = (spec: CalendarSpec): CalendarSpec => ({
      ...spec,
      // A country kept keeps its region (e.g. a German state's holidays).
      countries: parsed.map((country) => spec.countries.find((c) => c.country === country) ?? { country }),
      countryMode: mode,
    });
    void write.save(change, reason.trim(), () => onSaved(parsed));
  };

  return (
    <ModalDialog title={t('calendar.edit.countriesTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <TextField
          formId={formId}
          name="countries"
          label={t('calendar.edit.countries')}
          hint={
            valid.length > 0
              ? t('calendar.edit.countriesHintNamed', { names: formatList(valid.map(formatCountry)) })
              : t('calendar.edit.countriesHint')
          }
          error={err.countries}
          value={codes}
          onChange={setCodes}
          maxLength={60}
        />
        <ChoiceSelect
          formId={formId}
          name="countryMode"
          label={t('calendar.edit.countryMode')}
          hint={t('calendar.edit.countryModeHint')}
          choices={modes}
          labelOf={(m) => t(`calendar.edit.mode.${m}`)}
          value={mode}
          onChange={setMode}
          error={err.countryMode}
        />
        <ReasonField formId={formId} value={reason} onChange={setReason} error={err.reason} />
        <FormButtons pending={write.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
