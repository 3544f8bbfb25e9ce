import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SupersedeSchema } from '../../../src/contract/decision.js';
import { FormDialog } from '../forms/form-dialog.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Decision, recordsApi, type Superseded } from '../lib/records-api.js';
import { emptyVerdict, useVerdictRequired, VerdictFields } from './verdict-fields.js';

interface Props {
  programId: string;
  decision: Decision;
  onClose: () => void;
  onSaved: (s: Superseded) => void;
}

const SupersedeForm = SupersedeSchema.omit({ version: true, statement: true }).extend({
  statement: SupersedeSchema.shape.statement.unwrap(),
});

/** Changing course: a new decision, with a reason, replaces a decided one; the old one stays as it was. */
export function SupersedeDialog({ programId, decision: d, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(d.version);
  const form = useFormMutation({
    schema: SupersedeForm,
    defaultValues: { reason: '', statement: d.statement, ...emptyVerdict },
    required: { ...useVerdictRequired(), reason: t('decisions.form.required.reason'), statement: t('decisions.form.required.statement') },
    send: ({ statement, ...rest }) =>
      recordsApi.supersede(programId, d.id, { version: version.base, ...rest, ...(statement !== d.statement ? { statement } : {}) }),
    onSaved,
    subject: d,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog
      title={t('decisions.form.supersedeTitle', { key: d.key })}
      form={form}
      onClose={onClose}
      submitLabel={t('decisions.form.recordSupersede')}
    >
      <div className="form__context">
        <p>{t('decisions.form.supersedeNote', { key: d.key, outcome: d.outcome ?? '' })}</p>
      </div>
      <TextField name="reason" label={t('decisions.form.reason')} hint={t('decisions.form.reasonHint')} rows={2} isRequired />
      <TextField name="statement" label={t('decisions.form.statement')} hint={t('decisions.form.newStatementHint')} />
      <VerdictFields />
    </FormDialog>
  );
}
