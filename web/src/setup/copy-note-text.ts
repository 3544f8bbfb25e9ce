import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../lib/format.js';
import type { CopyNote } from './setup-api.js';

/**
 * A copy preview's note in the reader's language: the catalogue's words for its code, with its
 * parameters (dates in the reader's format); the server's English `message` is not shown.
 */
export function copyNoteText(t: TFunction, n: CopyNote): string {
  const d = formatPlainDate;
  switch (n.code) {
    case 'START_MOVED':
      return t('setup.copyNote.START_MOVED', { from: d(n.params.from), to: d(n.params.to), day: n.params.day });
    case 'HOLIDAY':
      return t('setup.copyNote.HOLIDAY', { date: d(n.params.date), day: n.params.day, movedTo: d(n.params.movedTo) });
    case 'CLOSED_DAYS_BETWEEN':
      return t('setup.copyNote.CLOSED_DAYS_BETWEEN', { count: n.params.days, first: d(n.params.first), day: n.params.day });
    case 'PUSHED_BY_LINK':
      return t('setup.copyNote.PUSHED_BY_LINK', {
        count: n.params.lagDays,
        from: d(n.params.from),
        predecessorKey: n.params.predecessorKey,
      });
    case 'OWNER_LEFT':
      return t(n.params.isChosen ? 'setup.copyNote.OWNER_LEFT_chosen' : 'setup.copyNote.OWNER_LEFT', { owner: n.params.owner });
  }
}

/** copyNoteText in the current language. */
export function useCopyNoteText() {
  const { t } = useTranslation();
  return (n: CopyNote): string => copyNoteText(t, n);
}
