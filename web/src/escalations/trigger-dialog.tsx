import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReasonSchema } from '../../../src/contract/common.js';
import { type SetTriggerSchema, SeveritySchema } from '../../../src/contract/escalation.js';
import { severities, thresholdOf, windowLimits } from '../../../src/domain/escalations/triggers.js';
import { roles } from '../../../src/domain/roles.js';
import { CheckboxField } from '../forms/checkbox-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl, numberOrNull } from '../forms/form-values.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { escalationsApi, invalidateEscalations, type ThresholdKind, type Trigger } from './escalations-api.js';

interface Props {
  programId: string;
  trigger: Trigger;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: () => void;
}

const windowUnits = ['business_days', 'business_hours'] as const;
const maxWindow = Math.max(windowLimits.business_hours.max, windowLimits.business_days.max);

/** The form of one kind: its threshold within the kind's bounds (none for a kind without one), the window within its unit's. */
export function triggerForm(kind: Trigger['kind']) {
  const n = thresholdOf[kind];
  return z
    .object({
      isEnabled: z.boolean(),
      threshold: n === null ? z.string().transform(() => null) : numberOrNull(z.number().min(n.min).max(n.max)),
      severity: fromControl(SeveritySchema),
      ownerKind: z.enum(['person', 'role']),
      ownerUserId: z.string(),
      ownerRole: z.string(),
      windowUnit: z.enum(windowUnits),
      windowAmount: numberOrNull(z.number().int().min(1).max(maxWindow)),
      climbs: z.boolean(),
      reason: ReasonSchema,
    })
    .superRefine((v, ctx) => {
      if (v.ownerKind === 'person' && v.ownerUserId === '')
        ctx.addIssue({ code: 'custom', path: ['ownerUserId'], message: 'owner', input: v.ownerUserId });
      if (v.ownerKind === 'role' && !(roles as readonly string[]).includes(v.ownerRole))
        ctx.addIssue({ code: 'custom', path: ['ownerRole'], message: 'role', input: v.ownerRole });
      const limit = windowLimits[v.windowUnit];
      if (v.windowAmount !== null && v.windowAmount > limit.max)
        ctx.addIssue({
          code: 'too_big',
          origin: 'number',
          maximum: limit.max,
          inclusive: true,
          path: ['windowAmount'],
          input: v.windowAmount,
        });
    });
}

/** The contract's body of a trigger as the form holds it, at the version read. */
export function triggerBody(v: z.output<ReturnType<typeof triggerForm>>, version: number): z.input<typeof SetTriggerSchema> {
  return {
    version,
    isEnabled: v.isEnabled,
    threshold: v.threshold,
    severity: v.severity,
    owner:
      v.ownerKind === 'person' ? { kind: 'person', userId: v.ownerUserId } : { kind: 'role', role: v.ownerRole as (typeof roles)[number] },
    window: { unit: v.windowUnit, amount: v.windowAmount ?? 0 },
    climbs: v.climbs,
    ...(v.reason ? { reason: v.reason } : {}),
  };
}

/** The server names the body's nested fields (owner.userId, window.amount); the form has them flat. */
const fieldOf = (path: string): string =>
  path === 'owner.userId' ? 'ownerUserId' : path === 'owner.role' ? 'ownerRole' : path.startsWith('window') ? 'windowAmount' : path;

function OwnerFields({ people }: { people: readonly ProgramPerson[] }) {
  const { t } = useTranslation();
  const kind = useWatch({ name: 'ownerKind' }) as 'person' | 'role';
  return (
    <div className="form__pair">
      <SelectField name="ownerKind" label={t('triggers.form.ownerKind')}>
        <ChoiceOptions choices={['role', 'person'] as const} labelOf={(k) => t(`triggers.ownerKind.${k}`)} />
      </SelectField>
      {kind === 'person' ? (
        <SelectField name="ownerUserId" label={t('triggers.form.ownerPerson')} isRequired>
          <option value="">{t('records.choosePerson')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <SelectField name="ownerRole" label={t('triggers.form.ownerRole')} isRequired>
          <ChoiceOptions choices={roles} labelOf={(r) => t(`roles.${r}`)} />
        </SelectField>
      )}
    </div>
  );
}

/** Edit one trigger kind: on/off, its threshold, severity, action owner, response window and whether it climbs. */
export function TriggerDialog({ programId, trigger: tr, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(tr.version);
  const n = thresholdOf[tr.kind];
  const schema = useMemo(() => triggerForm(tr.kind), [tr.kind]);
  const form = useFormMutation({
    schema,
    defaultValues: {
      isEnabled: tr.isEnabled,
      threshold: tr.threshold === null ? '' : String(tr.threshold),
      severity: tr.severity,
      ownerKind: tr.owner.kind,
      ownerUserId: tr.owner.kind === 'person' ? tr.owner.userId : '',
      ownerRole: tr.owner.kind === 'role' ? tr.owner.role : 'cadence_owner',
      windowUnit: tr.window.unit,
      windowAmount: String(tr.window.amount),
      climbs: tr.climbs,
      reason: '',
    },
    required: {
      threshold: t('triggers.form.required.threshold'),
      windowAmount: t('triggers.form.required.window'),
      ownerUserId: t('triggers.form.required.owner'),
      ownerRole: t('triggers.form.required.owner'),
    },
    fieldOf,
    send: (v) => escalationsApi.setTrigger(programId, tr.kind, triggerBody(v, version.base)),
    onSaved,
    onConflict: version.onConflict,
    refresh: () => invalidateEscalations(client, programId),
  });
  return (
    <FormDialog
      title={t('triggers.form.title', { kind: t(`escalations.kind.${tr.kind}`) })}
      form={form}
      onClose={onClose}
      submitLabel={t('triggers.form.save')}
    >
      <p className="form__context">{t(`triggers.means.${tr.kind}`)}</p>
      <CheckboxField name="isEnabled" label={t('triggers.form.enabled')} />
      {n !== null && (
        <TextField
          name="threshold"
          label={t('triggers.form.threshold')}
          hint={t(`triggers.unitHint.${tr.kind as ThresholdKind}`, { min: n.min, max: n.max })}
          isRequired
        />
      )}
      <SelectField name="severity" label={t('triggers.form.severity')}>
        <ChoiceOptions choices={severities} labelOf={(s) => t(`escalations.severity.${s}`)} />
      </SelectField>
      <OwnerFields people={people} />
      <div className="form__pair">
        <TextField
          name="windowAmount"
          label={t('triggers.form.windowAmount')}
          hint={t('triggers.form.windowHint', { days: windowLimits.business_days.max, hours: windowLimits.business_hours.max })}
          isRequired
        />
        <SelectField name="windowUnit" label={t('triggers.form.windowUnit')}>
          <ChoiceOptions choices={windowUnits} labelOf={(u) => t(`triggers.unit.${u}`)} />
        </SelectField>
      </div>
      <CheckboxField name="climbs" label={t('triggers.form.climbs')} hint={t('triggers.form.climbsHint')} />
      <TextField name="reason" label={t('triggers.form.reason')} rows={2} />
    </FormDialog>
  );
}
