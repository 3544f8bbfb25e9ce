import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { type Action, recordsApi } from '../lib/records-api.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';

interface Props {
  programId: string;
  action: Action;
  /** done: the owner says what was done; reopen: the cadence owner says why it is not done. */
  kind: 'done' | 'reopen';
  onClose: () => void;
  onSaved: (a: Action) => void;
}

/** One step of closing an action, with the words it needs: a note when done, a reason to reopen. */
export function NoteDialog({ programId, action: a, kind, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(a.version);
  const [text, setText] = useState('');
  const field = kind === 'done' ? 'note' : 'reason';
  const form = useRecordForm({ programId, formId, fields: [field], subject: a, onConflict });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.send(
      () =>
        kind === 'done'
          ? recordsApi.markDone(programId, a.id, { version, note: text })
          : recordsApi.reopenAction(programId, a.id, { version, reason: text }),
      onSaved,
    );
  };

  return (
    <ModalDialog title={t(`actions.form.${kind}Title`, { key: a.key, title: a.title })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <p className="form__context">{t(`actions.form.${kind}Note`)}</p>
        {kind === 'reopen' && a.doneNote && <p className="form__context">{t('actions.doneNote', { note: a.doneNote })}</p>}
        <TextField
          formId={formId}
          name={field}
          label={t(`actions.form.${kind}Label`)}
          hint={t(`actions.form.${kind}Hint`)}
          error={form.errors[field]}
          value={text}
          onChange={setText}
          rows={3}
          maxLength={kind === 'done' ? 5000 : 2000}
          isRequired
        />
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {t(`actions.form.${kind}Submit`)}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <span className="form__pending" role="status">
            {form.pending ? t('common.saving') : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
