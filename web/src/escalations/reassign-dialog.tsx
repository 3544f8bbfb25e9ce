import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReassignEscalationSchema } from '../../../src/contract/escalation.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { type Escalation, escalationsApi, invalidateEscalations } from './escalations-api.js';

interface Props {
  programId: string;
  escalation: Escalation;
  /** The program's people: any of them may be the action owner. */
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (e: Escalation) => void;
}

const r = ReassignEscalationSchema.shape;
const ReassignForm = z.object({ ownerId: fromControl(r.ownerId), reason: r.reason.min(1) });

/** Reassign (the cadence owner): another person of the program answers it, and why. */
export function ReassignDialog({ programId, escalation: e, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(e.version);
  const form = useFormMutation({
    schema: ReassignForm,
    defaultValues: { ownerId: '', reason: '' },
    required: { ownerId: t('escalations.form.required.owner'), reason: t('escalations.form.required.reason') },
    send: (v) => escalationsApi.reassign(programId, e.id, { version: version.base, ownerId: v.ownerId, reason: v.reason }),
    onSaved,
    subject: e,
    onConflict: version.onConflict,
    refresh: () => invalidateEscalations(client, programId),
  });
  return (
    <FormDialog
      title={t('escalations.form.reassignTitle', { key: e.key, title: e.subject.title })}
      form={form}
      onClose={onClose}
      submitLabel={t('escalations.reassign')}
    >
      <p className="form__context">{t('escalations.form.currentOwner', { name: e.owner.name })}</p>
      <SelectField name="ownerId" label={t('escalations.form.newOwner')} isRequired>
        <option value="">{t('records.choosePerson')}</option>
        {people
          .filter((p) => p.id !== e.owner.id)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </SelectField>
      <TextField name="reason" label={t('escalations.form.reason')} hint={t('escalations.form.reasonHint')} rows={3} isRequired />
    </FormDialog>
  );
}
