import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EndRiskSchema, RealizeRiskSchema } from '../../../src/contract/risk.js';
import { actionSeverities } from '../../../src/domain/action.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull } from '../forms/form-values.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Action, type Risk, recordsApi } from '../lib/records-api.js';
import { PersonSelect } from '../records/person-select.js';

interface Props {
  programId: string;
  risk: Risk;
  /** Close: the risk has passed. Realize: it happened, and an action is opened to respond. */
  kind: 'close' | 'realize';
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (r: Risk, action: Action | null) => void;
}

const action = RealizeRiskSchema.shape.action.unwrap().shape;
/** The response action of a realized risk; empty texts fall back to the server's defaults. */
const ResponseActionForm = z.object({
  title: blankAsNull(action.title.unwrap().nullable()),
  ownerId: blankAsNull(action.ownerId.unwrap().nullable()),
  dueDate: blankAsNull(action.dueDate.unwrap().nullable()),
  severity: action.severity.unwrap(),
});
const CloseRiskForm = z.object({ reason: EndRiskSchema.shape.reason, action: ResponseActionForm });
const RealizeRiskForm = CloseRiskForm.extend({ reason: RealizeRiskSchema.shape.reason });

/** Ends a risk with a reason; realizing it also opens the action that responds to it. */
export function EndRiskDialog({ programId, risk: r, kind, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(r.version);
  const form = useFormMutation({
    schema: kind === 'close' ? CloseRiskForm : RealizeRiskForm,
    defaultValues: { reason: '', action: { title: '', ownerId: r.owner?.id ?? '', dueDate: '', severity: 'high' } },
    required: { reason: kind === 'close' ? t('risks.form.required.closeReason') : t('risks.form.required.realizeReason') },
    send: async ({ reason, action: a }) => {
      if (kind === 'close') return { risk: await recordsApi.closeRisk(programId, r.id, { version: version.base, reason }), action: null };
      const response = {
        severity: a.severity,
        // No date given: the server's default, the program's today (a risk that happened is answered at once).
        ...(a.dueDate ? { dueDate: a.dueDate } : {}),
        ...(a.title ? { title: a.title } : {}),
        ...(a.ownerId ? { ownerId: a.ownerId } : {}),
      };
      return recordsApi.realizeRisk(programId, r.id, { version: version.base, reason, action: response });
    },
    onSaved: (saved) => onSaved(saved.risk, saved.action),
    subject: r,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog
      title={t(`risks.form.${kind}Title`, { key: r.key, title: r.title })}
      form={form}
      onClose={onClose}
      submitLabel={t(`risks.form.${kind}Submit`)}
      isDanger={kind === 'realize'}
    >
      <p className="form__context">{t(`risks.form.${kind}Note`)}</p>
      <TextField name="reason" label={kind === 'close' ? t('risks.form.closeReason') : t('risks.form.realizeReason')} rows={2} isRequired />
      {kind === 'realize' && (
        <fieldset className="fieldset">
          <legend>{t('risks.form.responseAction')}</legend>
          <TextField name="action.title" label={t('risks.form.actionTitle')} hint={t('risks.form.actionTitleHint', { title: r.title })} />
          <div className="form__pair">
            <PersonSelect
              name="action.ownerId"
              label={t('risks.form.actionOwner')}
              people={people}
              ownerAction="action.done"
              current={r.owner}
            />
            <DateField name="action.dueDate" label={t('risks.form.actionDue')} />
          </div>
          <SelectField name="action.severity" label={t('actions.form.severity')}>
            <ChoiceOptions choices={actionSeverities} labelOf={(s) => t(`actions.severity.${s}`)} />
          </SelectField>
        </fieldset>
      )}
    </FormDialog>
  );
}
