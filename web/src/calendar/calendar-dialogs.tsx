import { useTranslation } from 'react-i18next';
import { formatCountry, formatList } from '../lib/format.js';
import { AddExceptionDialog } from './add-exception-dialog.js';
import { AddShutdownDialog } from './add-shutdown-dialog.js';
import type { ProgramCalendar } from './calendar-api.js';
import type { SettingsDialog } from './calendar-settings.js';
import { CountriesDialog } from './countries-dialog.js';
import { HoursDialog } from './hours-dialog.js';
import { RemoveEntryDialog } from './remove-entry-dialog.js';
import { type Entry, useEntryText } from './use-entry-text.js';

export type OpenCalendarDialog = { kind: SettingsDialog } | { kind: 'remove'; entry: Entry } | null;

interface Props {
  programId: string;
  open: OpenCalendarDialog;
  /** The calendar as loaded now; null while it loads. */
  calendar: ProgramCalendar | null;
  onClose: () => void;
  /** After a save, with the words to announce. */
  onDone: (message: string) => void;
}

/** The one calendar dialog open; the page offers them only to whoever may change the calendar. */
export function CalendarDialogs({ programId, open, calendar, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const entryText = useEntryText();
  if (open === null || calendar === null) return null;
  const common = { programId, calendar, onClose };
  switch (open.kind) {
    case 'shutdown':
      return (
        <AddShutdownDialog
          {...common}
          onSaved={(s) => onDone(t('calendar.done.shutdownAdded', { what: entryText({ kind: 'shutdown', value: s }) }))}
        />
      );
    case 'exception':
      return (
        <AddExceptionDialog
          {...common}
          onSaved={(x) => onDone(t('calendar.done.exceptionAdded', { what: entryText({ kind: 'exception', value: x }) }))}
        />
      );
    case 'countries':
      return (
        <CountriesDialog
          {...common}
          onSaved={(codes) =>
            onDone(
              t('calendar.done.countries', {
                countries: codes.length > 0 ? formatList(codes.map(formatCountry)) : t('calendar.settings.noCountries'),
              }),
            )
          }
        />
      );
    case 'hours':
      return <HoursDialog {...common} onSaved={() => onDone(t('calendar.done.hours'))} />;
    case 'remove':
      return (
        <RemoveEntryDialog
          {...common}
          entry={open.entry}
          onSaved={() => onDone(t('calendar.done.removed', { what: entryText(open.entry) }))}
        />
      );
  }
}
