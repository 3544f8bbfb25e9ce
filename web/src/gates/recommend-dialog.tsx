import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GateOutcomeSchema, RecommendGateSchema } from '../../../src/contract/gate.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { type Gate, gatesApi, invalidateGates } from './gates-api.js';

const RecommendForm = z.object({
  recommendation: fromControl(GateOutcomeSchema),
  comment: RecommendGateSchema.shape.comment.unwrap(),
});

interface Props {
  programId: string;
  gate: Gate;
  onClose: () => void;
  onSaved: (gate: Gate) => void;
}

/** A gatekeeper's recommendation for this review; anything but a go says why. */
export function RecommendDialog({ programId, gate, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(gate.version);
  const form = useFormMutation({
    schema: RecommendForm,
    defaultValues: { recommendation: 'go', comment: '' },
    required: { comment: t('gates.recommend.commentRequired') },
    send: (v) => gatesApi.recommend(programId, gate.key, { version: version.base, ...v }),
    onSaved,
    subject: gate,
    onConflict: version.onConflict,
    refresh: () => invalidateGates(client, programId),
  });
  const choice = useWatch({ control: form.methods.control, name: 'recommendation' }) as string;
  return (
    <FormDialog
      title={t('gates.recommend.title', { gate: gate.key })}
      form={form}
      onClose={onClose}
      submitLabel={t('gates.recommend.submit')}
    >
      <SelectField name="recommendation" label={t('gates.recommend.label')} isRequired>
        <ChoiceOptions choices={GateOutcomeSchema.options} labelOf={(o) => t(`gates.outcome.${o}`)} />
      </SelectField>
      <TextField
        name="comment"
        label={t('gates.recommend.comment')}
        hint={t('gates.recommend.commentHint')}
        rows={3}
        isRequired={choice !== 'go'}
      />
    </FormDialog>
  );
}
