import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import type { CalendarException, CalendarSpec, ProgramCalendar, Shutdown } from './calendar-api.js';
import { ReasonField } from './reason-field.js';
import { useCalendarWrite } from './use-calendar-write.js';
import { type Entry, useEntryText } from './use-entry-text.js';

interface Props {
  programId: string;
  calendar: ProgramCalendar;
  entry: Entry;
  onClose: () => void;
  onSaved: () => void;
}

const fields = ['reason'] as const;

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
  const formId = useId();
  const entryText = useEntryText();
  const [reason, setReason] = useState('');
  const write = useCalendarWrite({ programId, formId, fields, calendar });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!without(write.base.spec, entry)) return write.fail({}, t('calendar.edit.gone'));
    if (!reason.trim()) return write.fail({ reason: t('calendar.edit.required.reason') });
    void write.save((spec) => without(spec, entry) ?? spec, reason.trim(), onSaved);
  };

  const title = entry.kind === 'shutdown' ? t('calendar.edit.removeShutdownTitle') : t('calendar.edit.removeExceptionTitle');
  return (
    <ModalDialog title={title} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={write.state.message} extra={write.state.extra} />
        <p className="form__context">{t('calendar.edit.removeWhat', { what: entryText(entry) })}</p>
        <ReasonField formId={formId} value={reason} onChange={setReason} error={write.errors.reason} />
        <div className="form__buttons">
          <button type="submit" className="button button--danger" aria-disabled={write.pending || undefined}>
            {t('calendar.edit.remove')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <span className="form__pending" role="status">
            {write.pending ? t('common.saving') : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
