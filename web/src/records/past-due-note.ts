import { useTranslation } from 'react-i18next';

/** A saved record's status message, with the server's DATE_IN_PAST warning added when its new due date is already past. */
export function usePastDueNote() {
  const { t } = useTranslation();
  return (message: string, saved: { readonly warnings?: readonly { readonly code: string }[] | undefined }): string =>
    saved.warnings?.some((w) => w.code === 'DATE_IN_PAST') ? `${message} ${t('records.pastDue')}` : message;
}
