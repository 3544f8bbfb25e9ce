import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OwnerName } from '../components/owner-name.js';
import { FormDialog } from '../forms/form-dialog.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Action, recordsApi } from '../lib/records-api.js';

interface Props {
  programId: string;
  action: Action;
  onClose: () => void;
  onSaved: (a: Action) => void;
}

/** The cadence owner confirms that a done action is really done: the second step of closing it. */
export function ConfirmClosureDialog({ programId, action: a, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(a.version);
  const form = useFormMutation({
    schema: z.object({}),
    defaultValues: {},
    send: () => recordsApi.confirmAction(programId, a.id, { version: version.base }),
    onSaved,
    subject: a,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog
      title={t('actions.form.confirmTitle', { key: a.key, title: a.title })}
      form={form}
      onClose={onClose}
      submitLabel={t('actions.form.confirmSubmit')}
    >
      <div className="form__context">
        <p>
          {t('actions.form.doneBy')} <OwnerName owner={a.owner} />
        </p>
        {a.doneNote && <p className="pre-line">{t('actions.doneNote', { note: a.doneNote })}</p>}
        <p>{t('actions.form.confirmNote')}</p>
      </div>
    </FormDialog>
  );
}
