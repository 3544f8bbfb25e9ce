import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { formatInstant } from '../lib/format.js';
import { type Plan, planViewApi } from '../lib/plan-view-queries.js';
import { useDecisions } from '../lib/record-queries.js';
import type { Decision } from '../lib/records-api.js';
import { paths } from '../records/paths.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm } from '../records/use-record-form.js';

interface Props {
  programId: string;
  plan: Plan;
  onClose: () => void;
  onDone: (message: string) => void;
}

const fields = ['name', 'decisionId', 'reason'] as const;

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** A re-baseline: today's forecasts become the planned dates, approved by a decided decision. */
export function RebaselineDialog({ programId, plan, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const decisions = useDecisions(programId);
  const [name, setName] = useState('');
  const [decisionId, setDecisionId] = useState('');
  const [reason, setReason] = useState('');
  const form = useRecordForm({ programId, formId, fields });
  const err = form.errors;
  const decided = (decisions.data?.items ?? []).filter((d) => d.status === 'decided');
  const next = plan.baselines.reduce((n, b) => Math.max(n, b.number), -1) + 1;

  const optionText = (d: Decision) =>
    d.decidedAt && d.decidedBy
      ? t('plan.rebaseline.decisionOption', {
          key: d.key,
          statement: short(d.statement),
          when: formatInstant(d.decidedAt),
          who: d.decidedBy.name,
        })
      : t('plan.rebaseline.decisionOptionShort', { key: d.key, statement: short(d.statement) });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('plan.rebaseline.nameRequired');
    if (!decisionId) errors.decisionId = t('plan.rebaseline.decisionRequired');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    void form.send(
      () => planViewApi.takeBaseline(programId, { name: name.trim(), decisionId, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
      (b) => onDone(t('plan.rebaseline.done', { number: b.number, name: b.name })),
    );
  };

  return (
    <ModalDialog title={t('plan.rebaseline.title', { number: next })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <p className="form__context">{t('plan.rebaseline.what', { number: next, count: plan.rows.length })}</p>
        <TextField
          formId={formId}
          name="name"
          label={t('plan.rebaseline.name')}
          hint={t('plan.rebaseline.nameHint')}
          error={err.name}
          value={name}
          onChange={setName}
          maxLength={200}
          isRequired
        />
        <Field
          id={`${formId}-decisionId`}
          name="decisionId"
          label={t('plan.rebaseline.decision')}
          hint={t('plan.rebaseline.decisionHint')}
          error={err.decisionId}
        >
          {(c) => (
            <select {...c} aria-required="true" value={decisionId} onChange={(e) => setDecisionId(e.target.value)}>
              <option value="">
                {decisions.isPending
                  ? t('common.loading')
                  : decided.length === 0
                    ? t('plan.rebaseline.noDecided')
                    : t('plan.rebaseline.choose')}
              </option>
              {decided.map((d) => (
                <option key={d.id} value={d.id}>
                  {optionText(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {decisions.isSuccess && decided.length === 0 && (
          <p className="form__context">
            {t('plan.rebaseline.noDecidedHelp')} <Link to={paths.decisions(programId)}>{t('plan.rebaseline.openDecisions')}</Link>
          </p>
        )}
        <TextField
          formId={formId}
          name="reason"
          label={t('form.reason')}
          hint={t('plan.rebaseline.reasonHint')}
          error={err.reason}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={2000}
        />
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {t('plan.rebaseline.submit', { number: next })}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <span className="form__pending" role="status">
            {form.pending ? t('common.saving') : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
