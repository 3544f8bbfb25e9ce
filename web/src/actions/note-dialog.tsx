import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MarkDoneSchema, ReopenSchema } from '../../../src/contract/action.js';
import { FormDialog } from '../forms/form-dialog.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Action, recordsApi } from '../lib/records-api.js';

interface Props {
  programId: string;
  action: Action;
  /** done: the owner says what was done; reopen: the cadence owner says why it is not done. */
  kind: 'done' | 'reopen';
  onClose: () => void;
  onSaved: (a: Action) => void;
}

// One text field: the note of MarkDone, or the reason of Reopen (asked for before sending, as the domain requires one).
const DoneForm = z.object({ text: MarkDoneSchema.shape.note });
const ReopenForm = z.object({ text: ReopenSchema.shape.reason.min(1) });

/** One step of closing an action, with the words it needs: a note when done, a reason to reopen. */
export function NoteDialog({ programId, action: a, kind, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(a.version);
  const form = useFormMutation({
    schema: kind === 'done' ? DoneForm : ReopenForm,
    defaultValues: { text: '' },
    required: { text: kind === 'done' ? t('actions.form.required.note') : t('actions.form.required.reopenReason') },
    fieldOf: (path) => (path === 'note' || path === 'reason' ? 'text' : path),
    send: ({ text }) =>
      kind === 'done'
        ? recordsApi.markDone(programId, a.id, { version: version.base, note: text })
        : recordsApi.reopenAction(programId, a.id, { version: version.base, reason: text }),
    onSaved,
    subject: a,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog
      title={t(`actions.form.${kind}Title`, { key: a.key, title: a.title })}
      form={form}
      onClose={onClose}
      submitLabel={t(`actions.form.${kind}Submit`)}
    >
      <p className="form__context">{t(`actions.form.${kind}Note`)}</p>
      {kind === 'reopen' && a.doneNote && <p className="form__context">{t('actions.doneNote', { note: a.doneNote })}</p>}
      <TextField name="text" label={t(`actions.form.${kind}Label`)} hint={t(`actions.form.${kind}Hint`)} rows={3} isRequired />
    </FormDialog>
  );
}
