import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { type FieldErrors, useForm } from '../components/use-form.js';
import { formatPlainDate } from '../lib/format.js';
import { addLink, type MilestoneLink } from '../lib/plan-queries.js';

interface Props {
  programId: string;
  milestone: Milestone;
  /** The milestones it may come after: the program's others, less those it already comes after. */
  candidates: readonly Milestone[];
  onAdded: (link: MilestoneLink) => Promise<void>;
}

const fields = ['predecessor', 'lagDays', 'reason'] as const;
// The server names the cycle on `predecessorId`: that is the milestone chosen here.
const fieldOf = (path: string) => (path === 'predecessorId' ? 'predecessor' : path);

/** Adds a milestone this one comes after, with a lag in business days and an optional reason. */
export function LinkAddForm({ programId, milestone, candidates, onAdded }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const headingId = `${formId}-heading`;
  const [predecessor, setPredecessor] = useState('');
  const [lag, setLag] = useState('0');
  const [reason, setReason] = useState('');
  const form = useForm({
    formId,
    fields,
    fieldOf,
    messageFor: (error) => {
      // Faults shown by their field: the summary only points there.
      const paths = Object.keys(error.fieldErrors()).map(fieldOf);
      return paths.length > 0 && paths.every((p) => (fields as readonly string[]).includes(p))
        ? t('form.checkFields', { count: paths.length })
        : null;
    },
  });
  const err = form.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const lagDays = Number(lag);
    if (!predecessor) errors.predecessor = t('links.predecessorRequired');
    if (!/^\s*-?\d+\s*$/.test(lag) || Math.abs(lagDays) > 365) errors.lagDays = t('links.lagInvalid');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    const body = { predecessor, successor: milestone.id, lagDays, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    void form.submit(
      () => addLink(programId, body),
      async (link) => {
        setPredecessor('');
        setLag('0');
        setReason('');
        await onAdded(link);
      },
    );
  };

  return (
    <form className="form link-add" noValidate aria-labelledby={headingId} onSubmit={onSubmit}>
      <h3 id={headingId} className="link-list__heading">
        {t('links.addHeading', { key: milestone.key })}
      </h3>
      <FormProblem message={form.state.message} extra={form.state.extra} />
      <Field id={`${formId}-predecessor`} name="predecessor" label={t('links.predecessor')} error={err.predecessor}>
        {(c) => (
          <select {...c} aria-required="true" value={predecessor} onChange={(e) => setPredecessor(e.target.value)}>
            <option value="">{t('links.choose')}</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {t(m.actualDate ? 'links.optionDone' : 'links.option', {
                  key: m.key,
                  name: m.name,
                  date: formatPlainDate(m.actualDate ?? m.forecastDate),
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${formId}-lagDays`} name="lagDays" label={t('links.lagLabel')} hint={t('links.lagHint')} error={err.lagDays}>
        {(c) => (
          <input
            {...c}
            type="number"
            inputMode="numeric"
            step={1}
            min={-365}
            max={365}
            className="link-add__lag"
            value={lag}
            onChange={(e) => setLag(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${formId}-reason`} name="reason" label={t('form.reason')} hint={t('links.reasonHint')} error={err.reason}>
        {(c) => <textarea {...c} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="form__buttons">
        <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
          {t('links.add')}
        </button>
        <span className="form__pending" role="status">
          {form.pending ? t('common.saving') : ''}
        </span>
      </div>
    </form>
  );
}
