import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type LinkRefSchema, RequestDecisionSchema } from '../../../src/contract/decision.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull } from '../forms/form-values.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import type { ProgramPerson } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Decision, recordsApi } from '../lib/records-api.js';
import { DecisionFields, useDecisionRequired } from './decision-fields.js';
import { MilestoneLinksField } from './milestone-links-field.js';

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (d: Decision) => void;
}

const shape = RequestDecisionSchema.shape;
/** The request as the form holds it; the owner the domain requires (OWNER_REQUIRED) is asked for before sending. */
const RequestDecisionForm = RequestDecisionSchema.pick({ statement: true }).extend({
  context: shape.context.unwrap(),
  options: shape.options.unwrap(),
  ownerId: shape.ownerId,
  dueDate: blankAsNull(shape.dueDate),
  // The milestones ticked, by id, as the links the request names.
  links: z
    .array(z.string())
    .transform((ids) => ids.map((id): z.input<typeof LinkRefSchema> => ({ entity: 'milestone', id })))
    .pipe(shape.links.unwrap()),
});

/** Ask for a decision: statement, context, options, who decides, by when, what it bears on. */
export function RequestDecisionDialog({ programId, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: RequestDecisionForm,
    defaultValues: { statement: '', context: '', options: '', ownerId: '', dueDate: '', links: [] },
    required: useDecisionRequired(),
    send: ({ links, ...values }) => recordsApi.requestDecision(programId, { ...values, ...(links.length > 0 ? { links } : {}) }),
    onSaved,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog title={t('decisions.form.requestTitle')} form={form} onClose={onClose}>
      <DecisionFields people={people} />
      <MilestoneLinksField programId={programId} />
    </FormDialog>
  );
}
