import { useTranslation } from 'react-i18next';
import { TextField } from '../forms/text-field.js';

/** Every change to the calendar says why (field `reason`); it is kept in the change log. */
export function ReasonField() {
  const { t } = useTranslation();
  return <TextField name="reason" label={t('calendar.edit.reason')} hint={t('calendar.edit.reasonHint')} rows={2} isRequired />;
}
