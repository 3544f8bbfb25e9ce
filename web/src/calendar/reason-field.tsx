import { useTranslation } from 'react-i18next';
import { TextField } from '../records/text-field.js';

interface Props {
  formId: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** Every change to the calendar says why; it is kept in the change log. */
export function ReasonField({ formId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <TextField
      formId={formId}
      name="reason"
      label={t('calendar.edit.reason')}
      hint={t('calendar.edit.reasonHint')}
      error={error}
      value={value}
      onChange={onChange}
      rows={2}
      maxLength={2000}
      isRequired
    />
  );
}
