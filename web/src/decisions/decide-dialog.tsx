import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DecideSchema } from '../../../src/contract/decision.js';
import { FormDialog } from '../forms/form-dialog.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Decision, recordsApi } from '../lib/records-api.js';
import { emptyVerdict, useVerdictRequired, VerdictFields } from './verdict-fields.js';

interface Props {
  programId: string;
  decision: Decision;
  onClose: () => void;
  onSaved: (d: Decision) => void;
}

const DecideForm = DecideSchema.omit({ version: true });

/** The owner decides, once: outcome, rationale and expected impact. A decided decision never changes. */
export function DecideDialog({ programId, decision: d, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(d.version);
  const form = useFormMutation({
    schema: DecideForm,
    defaultValues: emptyVerdict,
    required: useVerdictRequired(),
    send: (verdict) => recordsApi.decide(programId, d.id, { version: version.base, ...verdict }),
    onSaved,
    subject: d,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog
      title={t('decisions.form.decideTitle', { key: d.key })}
      form={form}
      onClose={onClose}
      submitLabel={t('decisions.form.recordDecision')}
    >
      <div className="form__context">
        <p className="form__statement">{d.statement}</p>
        {d.options && <p className="pre-line">{d.options}</p>}
        <p>{t('decisions.form.decideNote')}</p>
      </div>
      <VerdictFields />
    </FormDialog>
  );
}
