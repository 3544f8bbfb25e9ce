import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TakeBaselineSchema } from '../../../src/contract/plan.js';
import { FormDialog } from '../forms/form-dialog.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { formatInstant } from '../lib/format.js';
import { type Plan, planViewApi } from '../lib/plan-view-queries.js';
import { invalidateRecords, useDecisions } from '../lib/record-queries.js';
import type { Decision } from '../lib/records-api.js';
import { paths } from '../records/paths.js';

interface Props {
  programId: string;
  plan: Plan;
  onClose: () => void;
  onDone: (message: string) => void;
}

const RebaselineForm = TakeBaselineSchema.pick({ name: true, decisionId: true }).extend({
  reason: TakeBaselineSchema.shape.reason.unwrap(),
});

const decidedLately = { status: 'decided', order: 'desc', limit: 500 } as const;

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** A re-baseline: today's forecasts become the planned dates, approved by a decided decision. */
export function RebaselineDialog({ programId, plan, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // Decided ones of the last year (the list's period), the latest asked first: a re-plan is approved lately.
  const decisions = useDecisions(programId, decidedLately);
  const decided = (decisions.data?.items ?? []).filter((d) => d.status === 'decided');
  const next = plan.baselines.reduce((n, b) => Math.max(n, b.number), -1) + 1;
  const form = useFormMutation({
    schema: RebaselineForm,
    defaultValues: { name: '', decisionId: '', reason: '' },
    required: { name: t('plan.rebaseline.nameRequired'), decisionId: t('plan.rebaseline.decisionRequired') },
    send: ({ reason, ...values }) => planViewApi.takeBaseline(programId, { ...values, ...(reason ? { reason } : {}) }),
    onSaved: (b) => onDone(t('plan.rebaseline.done', { number: b.number, name: b.name })),
    refresh: () => invalidateRecords(client, programId),
  });

  const optionText = (d: Decision) =>
    d.decidedAt && d.decidedBy
      ? t('plan.rebaseline.decisionOption', {
          key: d.key,
          statement: short(d.statement),
          when: formatInstant(d.decidedAt),
          who: d.decidedBy.name,
        })
      : t('plan.rebaseline.decisionOptionShort', { key: d.key, statement: short(d.statement) });

  return (
    <FormDialog
      title={t('plan.rebaseline.title', { number: next })}
      form={form}
      onClose={onClose}
      submitLabel={t('plan.rebaseline.submit', { number: next })}
    >
      <p className="form__context">{t('plan.rebaseline.what', { number: next, count: plan.rows.length })}</p>
      <TextField name="name" label={t('plan.rebaseline.name')} hint={t('plan.rebaseline.nameHint')} isRequired />
      <SelectField name="decisionId" label={t('plan.rebaseline.decision')} hint={t('plan.rebaseline.decisionHint')} isRequired>
        <option value="">
          {decisions.isPending ? t('common.loading') : decided.length === 0 ? t('plan.rebaseline.noDecided') : t('plan.rebaseline.choose')}
        </option>
        {decided.map((d) => (
          <option key={d.id} value={d.id}>
            {optionText(d)}
          </option>
        ))}
      </SelectField>
      {decisions.isSuccess && decided.length === 0 && (
        <p className="form__context">
          {t('plan.rebaseline.noDecidedHelp')} <Link to={paths.decisions(programId)}>{t('plan.rebaseline.openDecisions')}</Link>
        </p>
      )}
      <TextField name="reason" label={t('form.reason')} hint={t('plan.rebaseline.reasonHint')} rows={2} />
    </FormDialog>
  );
}
