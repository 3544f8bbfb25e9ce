import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AcceptItemSchema, RejectItemSchema, ReopenItemSchema, SubmitItemSchema } from '../../../src/contract/gate.js';
import { FormDialog } from '../forms/form-dialog.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { useDecisions } from '../lib/record-queries.js';
import { type Gate, type GateItem, gatesApi, invalidateGates } from './gates-api.js';

export type ItemStepKind = 'submit' | 'accept' | 'reject' | 'waive' | 'reopen';

interface Props {
  programId: string;
  gate: Gate;
  item: GateItem;
  kind: Exclude<ItemStepKind, 'waive'>;
  onClose: () => void;
  onSaved: (gate: Gate) => void;
}

// One text each step asks for: the submission's note, the reviewer's comment (required to reject), the reason to reopen.
const forms = {
  submit: z.object({ text: SubmitItemSchema.shape.note.unwrap() }),
  accept: z.object({ text: AcceptItemSchema.shape.comment.unwrap() }),
  reject: z.object({ text: RejectItemSchema.shape.comment }),
  reopen: z.object({ text: ReopenItemSchema.shape.reason }),
};

/** Submit, accept, reject or reopen one checklist item, with the words the step takes. */
export function ItemStepDialog({ programId, gate, item, kind, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(item.version);
  const form = useFormMutation({
    schema: forms[kind],
    defaultValues: { text: '' },
    required: { text: t(`gates.step.${kind}Required`) },
    fieldOf: (path) => (path === 'note' || path === 'comment' || path === 'reason' ? 'text' : path),
    send: ({ text }) => {
      const v = version.base;
      if (kind === 'submit') return gatesApi.submit(programId, gate.key, item.key, { version: v, note: text });
      if (kind === 'accept') return gatesApi.accept(programId, gate.key, item.key, { version: v, comment: text });
      if (kind === 'reject') return gatesApi.reject(programId, gate.key, item.key, { version: v, comment: text });
      return gatesApi.reopen(programId, gate.key, item.key, { version: v, reason: text });
    },
    onSaved,
    subject: item,
    onConflict: version.onConflict,
    refresh: () => invalidateGates(client, programId),
  });
  const isRequired = kind === 'reject' || kind === 'reopen';
  return (
    <FormDialog
      title={t(`gates.step.${kind}Title`, { key: item.key, title: item.title })}
      form={form}
      onClose={onClose}
      submitLabel={t(`gates.step.${kind}Submit`)}
      isDanger={kind === 'reject'}
    >
      <p className="form__context">{t(`gates.step.${kind}Context`)}</p>
      {item.submissionNote && kind !== 'submit' && (
        <p className="form__context pre-line">{t('gates.item.submissionNote', { note: item.submissionNote })}</p>
      )}
      <TextField name="text" label={t(`gates.step.${kind}Label`)} hint={t(`gates.step.${kind}Hint`)} rows={3} isRequired={isRequired} />
    </FormDialog>
  );
}

const WaiveForm = z.object({ decisionId: z.string().min(1) });

/** Waive an item by linking a decided decision of the program, chosen from the decision log. */
export function WaiveDialog({ programId, gate, item, onClose, onSaved }: Omit<Props, 'kind'>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(item.version);
  const decided = useDecisions(programId, { status: 'decided', order: 'desc', limit: 500 });
  const form = useFormMutation({
    schema: WaiveForm,
    defaultValues: { decisionId: '' },
    required: { decisionId: t('gates.step.waiveRequired') },
    send: ({ decisionId }) => gatesApi.waive(programId, gate.key, item.key, { version: version.base, decisionId }),
    onSaved,
    subject: item,
    onConflict: version.onConflict,
    refresh: () => invalidateGates(client, programId),
  });
  const options = decided.data?.items ?? [];
  return (
    <FormDialog
      title={t('gates.step.waiveTitle', { key: item.key, title: item.title })}
      form={form}
      onClose={onClose}
      submitLabel={t('gates.step.waiveSubmit')}
    >
      <p className="form__context">{t('gates.step.waiveContext')}</p>
      <SelectField name="decisionId" label={t('gates.step.waiveLabel')} hint={t('gates.step.waiveHint')} isRequired>
        <option value="">{decided.isPending ? t('common.loading') : t('gates.step.waiveChoose', { count: options.length })}</option>
        {options.map((d) => (
          <option key={d.id} value={d.id}>
            {d.key}: {d.statement}
          </option>
        ))}
      </SelectField>
    </FormDialog>
  );
}
