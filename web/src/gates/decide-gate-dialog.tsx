import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { DecideGateSchema, GateOutcomeSchema } from '../../../src/contract/gate.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { keepOpen, useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { ApiError, type ProgramPerson } from '../lib/api.js';
import { paths } from '../records/paths.js';
import { PersonSelect } from '../records/person-select.js';
import { type Gate, gatesApi, invalidateGates } from './gates-api.js';

const shape = DecideGateSchema.shape;
const outcomes = GateOutcomeSchema.options;
const condition = z.object({ text: z.string(), ownerId: z.string(), dueDate: z.string() });
const reason = z.object({ text: z.string(), itemKey: z.string() });
const DecideForm = z.object({
  outcome: fromControl(GateOutcomeSchema),
  rationale: shape.rationale,
  expectedImpact: shape.expectedImpact.unwrap(),
  conditions: z.array(condition).max(20),
  reasons: z.array(reason).max(50),
});

/** What stands between the gate and a pass, as the server listed it: each a link to fix it. */
export interface Blockers {
  code: 'GATE_NOT_READY' | 'GATE_CONDITION_OPEN' | 'GATE_STATE';
  keys: string[];
}

/** The server names `items.G1-X`, `conditions.A-3` or `gates.G1`: the key after the dot. */
export const blockersOf = (error: ApiError): Blockers | null =>
  error.code === 'GATE_NOT_READY' || error.code === 'GATE_CONDITION_OPEN' || error.code === 'GATE_STATE'
    ? { code: error.code, keys: error.fieldPaths().map((p) => p.replace(/^[a-z]+\./, '')) }
    : null;

interface Props {
  programId: string;
  gate: Gate;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (gate: Gate) => void;
}

/**
 * The decider records the gate's outcome: go, conditional go (each condition an owned, dated action),
 * hold, recycle (reasons, each may name an item to redo) or stop. A pass the server refuses lists
 * what is missing, each item a link to it.
 */
export function DecideGateDialog({ programId, gate, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(gate.version);
  const [blockers, setBlockers] = useState<Blockers | null>(null);
  const form = useFormMutation({
    schema: DecideForm,
    defaultValues: { outcome: 'go', rationale: '', expectedImpact: '', conditions: [], reasons: [] },
    required: {
      rationale: t('gates.decide.rationaleRequired'),
      'conditions.text': t('gates.decide.conditionTextRequired'),
      'conditions.ownerId': t('gates.decide.conditionOwnerRequired'),
      'conditions.dueDate': t('gates.decide.conditionDueRequired'),
      'reasons.text': t('gates.decide.reasonTextRequired'),
      reasons: t('gates.decide.reasonsRequired'),
      conditions: t('gates.decide.conditionsRequired'),
    },
    fieldOf: (path) => path.replace(/\[(\d+)\]/g, '.$1'),
    send: async (v) => {
      setBlockers(null);
      try {
        return await gatesApi.decide(programId, gate.key, {
          version: version.base,
          outcome: v.outcome,
          rationale: v.rationale,
          expectedImpact: v.expectedImpact,
          conditions:
            v.outcome === 'conditional_go'
              ? v.conditions.map((c) => ({ text: c.text, ownerId: c.ownerId || null, dueDate: c.dueDate || null }))
              : undefined,
          reasons:
            v.outcome === 'recycle'
              ? v.reasons.map((r) => (r.itemKey ? { text: r.text, itemKey: r.itemKey } : { text: r.text }))
              : undefined,
        });
      } catch (e) {
        const found = e instanceof ApiError ? blockersOf(e) : null;
        if (!found) throw e;
        // One notice says it all: why the pass was refused and what to open to fix it.
        setBlockers(found);
        return keepOpen;
      }
    },
    onSaved,
    subject: gate,
    onConflict: version.onConflict,
    refresh: () => invalidateGates(client, programId),
  });
  const control = form.methods.control;
  const outcome = useWatch({ control, name: 'outcome' }) as string;
  const conditions = useFieldArray({ control, name: 'conditions' });
  const reasons = useFieldArray({ control, name: 'reasons' });
  const titleOf = (key: string) => gate.items.find((i) => i.key === key)?.title;

  return (
    <FormDialog
      title={t('gates.decide.title', { gate: gate.key, name: gate.name })}
      form={form}
      onClose={onClose}
      submitLabel={t('gates.decide.submit')}
      isDanger={outcome === 'stop'}
    >
      {blockers && (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t(`gates.decide.refused.${blockers.code}`, { gate: gate.key })}</p>
          <p>{t(`gates.decide.blockers.${blockers.code}`, { count: blockers.keys.length })}</p>
          <ul className="gate-blockers">
            {blockers.keys.map((key) => (
              <li key={key}>
                {blockers.code === 'GATE_NOT_READY' ? (
                  <Link to={paths.checklistItem(programId, gate.key, key)} onClick={onClose}>
                    {key}: {titleOf(key) ?? key}
                  </Link>
                ) : blockers.code === 'GATE_CONDITION_OPEN' ? (
                  <Link to={paths.action(programId, key)}>{t('gates.decide.conditionAction', { key })}</Link>
                ) : (
                  <Link to={paths.gate(programId, key)}>{key}</Link>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="form__context">{t('gates.decide.context', { satisfied: gate.counts.satisfied, required: gate.counts.required })}</p>
      <SelectField name="outcome" label={t('gates.decide.outcome')} hint={t(`gates.outcomeHint.${outcome as 'go'}`)} isRequired>
        <ChoiceOptions choices={outcomes} labelOf={(o) => t(`gates.outcome.${o}`)} />
      </SelectField>
      {outcome === 'conditional_go' && (
        <fieldset className="fieldset">
          <legend>{t('gates.decide.conditionsLegend')}</legend>
          <p className="muted">{t('gates.decide.conditionsHint')}</p>
          {conditions.fields.map((f, i) => (
            <fieldset key={f.id} className="fieldset">
              <legend>{t('gates.decide.condition', { n: i + 1 })}</legend>
              <TextField name={`conditions.${i}.text`} label={t('gates.decide.conditionText')} rows={2} isRequired />
              <div className="form__pair">
                <PersonSelect
                  name={`conditions.${i}.ownerId`}
                  label={t('gates.decide.conditionOwner')}
                  people={people}
                  ownerAction="action.done"
                  isRequired
                />
                <DateField name={`conditions.${i}.dueDate`} label={t('gates.decide.conditionDue')} isRequired />
              </div>
              <button type="button" className="button button--small button--secondary" onClick={() => conditions.remove(i)}>
                {t('gates.decide.removeCondition', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <div>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => conditions.append({ text: '', ownerId: '', dueDate: '' })}
            >
              {t('gates.decide.addCondition')}
            </button>
          </div>
        </fieldset>
      )}
      {outcome === 'recycle' && (
        <fieldset className="fieldset">
          <legend>{t('gates.decide.reasonsLegend')}</legend>
          <p className="muted">{t('gates.decide.reasonsHint')}</p>
          {reasons.fields.map((f, i) => (
            <fieldset key={f.id} className="fieldset">
              <legend>{t('gates.decide.reason', { n: i + 1 })}</legend>
              <TextField name={`reasons.${i}.text`} label={t('gates.decide.reasonText')} rows={2} isRequired />
              <SelectField name={`reasons.${i}.itemKey`} label={t('gates.decide.reasonItem')} hint={t('gates.decide.reasonItemHint')}>
                <option value="">{t('gates.decide.noItem')}</option>
                {gate.items.map((item) => (
                  <option key={item.key} value={item.key}>
                    {item.key}: {item.title}
                  </option>
                ))}
              </SelectField>
              <button type="button" className="button button--small button--secondary" onClick={() => reasons.remove(i)}>
                {t('gates.decide.removeReason', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <div>
            <button type="button" className="button button--secondary" onClick={() => reasons.append({ text: '', itemKey: '' })}>
              {t('gates.decide.addReason')}
            </button>
          </div>
        </fieldset>
      )}
      <TextField name="rationale" label={t('gates.decide.rationale')} hint={t('gates.decide.rationaleHint')} rows={3} isRequired />
      <TextField name="expectedImpact" label={t('gates.decide.impact')} rows={2} />
    </FormDialog>
  );
}
