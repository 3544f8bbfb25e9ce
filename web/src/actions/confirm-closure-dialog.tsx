import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { OwnerName } from '../components/owner-name.js';
import { type Action, recordsApi } from '../lib/records-api.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';

interface Props {
  programId: string;
  action: Action;
  onClose: () => void;
  onSaved: (a: Action) => void;
}

/** The cadence owner confirms that a done action is really done: the second step of closing it. */
export function ConfirmClosureDialog({ programId, action: a, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(a.version);
  const form = useRecordForm({ programId, formId, fields: [], subject: a, onConflict });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.send(() => recordsApi.confirmAction(programId, a.id, { version }), onSaved);
  };

  return (
    <ModalDialog title={t('actions.form.confirmTitle', { key: a.key, title: a.title })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <div className="form__context">
          <p>
            {t('actions.form.doneBy')} <OwnerName owner={a.owner} />
          </p>
          {a.doneNote && <p className="pre-line">{t('actions.doneNote', { note: a.doneNote })}</p>}
          <p>{t('actions.form.confirmNote')}</p>
        </div>
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {t('actions.form.confirmSubmit')}
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
