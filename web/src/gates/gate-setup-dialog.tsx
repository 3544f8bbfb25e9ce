import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { UpdateGateSchema } from '../../../src/contract/gate.js';
import { Field } from '../components/field.js';
import { useFormField } from '../forms/form-context.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull, fromControl, numberOrNull } from '../forms/form-values.js';
import { NumberField } from '../forms/number-field.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { useMilestones } from '../lib/queries.js';
import { type Gate, gatesApi, invalidateGates } from './gates-api.js';

const shape = UpdateGateSchema.shape;
/** The set-up as the form holds it: every field shown, so none optional; lists and numbers as the controls give them. */
const GateSetupForm = z.object({
  ownerId: fromControl(shape.ownerId.unwrap()),
  gatekeeperIds: shape.gatekeeperIds.unwrap(),
  reviewMilestoneId: blankAsNull(shape.reviewMilestoneId.unwrap()),
  warningDays: numberOrNull(shape.warningDays.unwrap()),
  reason: z.string(),
});

interface Props {
  programId: string;
  gate: Gate;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (gate: Gate) => void;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Several people from a list, as a select that takes more than one (the form holds their ids). */
function PeopleField({ name, label, hint, people }: { name: string; label: string; hint: string; people: readonly ProgramPerson[] }) {
  const { id, error, registration } = useFormField(name);
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error}>
      {(c) => (
        <select {...c} multiple size={Math.min(6, Math.max(2, people.length))} {...registration}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The cadence owner sets up a gate: its owner, the gatekeepers who recommend, the milestone whose date
 * is its planned review (a new one dates the open items again from the template) and the warning period.
 * Only what changed is sent, at the version read.
 */
export function GateSetupDialog({ programId, gate, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(gate.version);
  const milestones = useMilestones(programId).data?.items ?? [];
  // The current review first (known with the gate, so the select holds it before the plan has loaded), then the
  // other milestones of the gate's phase.
  const current = gate.reviewMilestone ? [gate.reviewMilestone] : [];
  const offered = [...current, ...milestones.filter((m) => m.phase === gate.key && m.id !== gate.reviewMilestoneId)];
  const eligible = people.filter((p) => p.roles.some((r) => r !== 'observer'));
  const form = useFormMutation({
    schema: GateSetupForm,
    defaultValues: {
      ownerId: gate.ownerId ?? '',
      gatekeeperIds: [...gate.gatekeeperIds],
      reviewMilestoneId: gate.reviewMilestoneId ?? '',
      warningDays: String(gate.warningDays),
      reason: '',
    },
    required: { ownerId: t('gates.setup.ownerRequired'), warningDays: t('gates.setup.warningInvalid') },
    isUnchanged: (v) =>
      v.ownerId === gate.ownerId &&
      sameSet(v.gatekeeperIds, gate.gatekeeperIds) &&
      v.reviewMilestoneId === gate.reviewMilestoneId &&
      v.warningDays === gate.warningDays,
    send: (v) =>
      gatesApi.update(programId, gate.key, {
        version: version.base,
        ...(v.ownerId !== gate.ownerId ? { ownerId: v.ownerId } : {}),
        ...(!sameSet(v.gatekeeperIds, gate.gatekeeperIds) ? { gatekeeperIds: v.gatekeeperIds } : {}),
        ...(v.reviewMilestoneId !== gate.reviewMilestoneId ? { reviewMilestoneId: v.reviewMilestoneId } : {}),
        ...(v.warningDays !== null && v.warningDays !== gate.warningDays ? { warningDays: v.warningDays } : {}),
        ...(v.reason.trim() !== '' ? { reason: v.reason } : {}),
      }),
    onSaved,
    subject: gate,
    onConflict: version.onConflict,
    refresh: () => invalidateGates(client, programId),
  });
  return (
    <FormDialog title={t('gates.setup.title', { gate: gate.key })} form={form} onClose={onClose} submitLabel={t('gates.setup.submit')}>
      <SelectField name="ownerId" label={t('gates.owner')} hint={t('gates.setup.ownerHint')} isRequired>
        <option value="">{t('records.choosePerson')}</option>
        {eligible.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <PeopleField name="gatekeeperIds" label={t('gates.gatekeepers')} hint={t('gates.setup.gatekeepersHint')} people={eligible} />
      <SelectField name="reviewMilestoneId" label={t('gates.review')} hint={t('gates.setup.reviewHint')}>
        <option value="">{t('gates.setup.noReview')}</option>
        {offered.map((m) => (
          <option key={m.id} value={m.id}>
            {m.key} {m.name} ({m.forecastDate})
          </option>
        ))}
      </SelectField>
      <NumberField name="warningDays" label={t('gates.setup.warning')} hint={t('gates.setup.warningHint')} isRequired />
      <TextField name="reason" label={t('form.reason')} hint={t('gates.setup.reasonHint')} rows={2} />
    </FormDialog>
  );
}
