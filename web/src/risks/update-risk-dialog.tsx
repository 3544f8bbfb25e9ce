import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { UpdateRiskSchema } from '../../../src/contract/risk.js';
import { riskStrategies } from '../../../src/domain/risk.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull, numberOrNull } from '../forms/form-values.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import type { ProgramPerson } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Risk, recordsApi, type UpdateRiskBody } from '../lib/records-api.js';
import { PersonSelect } from '../records/person-select.js';
import { levelText } from './level-select.js';
import { RiskLevelsFields } from './risk-levels-fields.js';

interface Props {
  programId: string;
  risk: Risk;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (r: Risk) => void;
}

const shape = UpdateRiskSchema.shape;
/** The update as the form holds it: every field shown, selects' texts as numbers or "none". */
const UpdateRiskForm = UpdateRiskSchema.pick({ reason: true }).extend({
  likelihood: numberOrNull(shape.likelihood.unwrap()),
  impact: numberOrNull(shape.impact.unwrap()),
  residualLikelihood: numberOrNull(shape.residualLikelihood.unwrap()),
  residualImpact: numberOrNull(shape.residualImpact.unwrap()),
  status: shape.status.unwrap(),
  strategy: shape.strategy.unwrap(),
  reviewDate: blankAsNull(shape.reviewDate.unwrap()),
  ownerId: blankAsNull(shape.ownerId.unwrap()),
  mitigation: shape.mitigation.unwrap(),
  earlyWarning: shape.earlyWarning.unwrap(),
});
const liveStatuses = ['open', 'mitigating'] as const;

/** What the values change on the risk as now loaded; only that is sent (with the reason). */
function changes(r: Risk, v: z.output<typeof UpdateRiskForm>): Omit<UpdateRiskBody, 'version' | 'reason'> {
  const body: Omit<UpdateRiskBody, 'version' | 'reason'> = {};
  if (v.likelihood !== r.likelihood) body.likelihood = v.likelihood;
  if (v.impact !== r.impact) body.impact = v.impact;
  if (v.residualLikelihood !== r.residualLikelihood) body.residualLikelihood = v.residualLikelihood;
  if (v.residualImpact !== r.residualImpact) body.residualImpact = v.residualImpact;
  if (v.status !== r.status) body.status = v.status;
  if (v.strategy !== r.strategy) body.strategy = v.strategy;
  if (v.reviewDate !== r.reviewDate) body.reviewDate = v.reviewDate;
  if (v.ownerId !== null && v.ownerId !== r.owner?.id) body.ownerId = v.ownerId;
  if (v.mitigation !== r.mitigation) body.mitigation = v.mitigation;
  if (v.earlyWarning !== r.earlyWarning) body.earlyWarning = v.earlyWarning;
  return body;
}

/** Re-score or re-plan a risk; every change says why, so "risk changes this week" is exact. */
export function UpdateRiskDialog({ programId, risk: r, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(r.version);
  const form = useFormMutation({
    schema: UpdateRiskForm,
    defaultValues: {
      reason: '',
      likelihood: levelText(r.likelihood),
      impact: levelText(r.impact),
      residualLikelihood: levelText(r.residualLikelihood),
      residualImpact: levelText(r.residualImpact),
      status: r.status === 'mitigating' ? 'mitigating' : 'open',
      strategy: r.strategy,
      reviewDate: r.reviewDate ?? '',
      ownerId: r.owner?.id ?? '',
      mitigation: r.mitigation,
      earlyWarning: r.earlyWarning,
    },
    required: {
      reason: t('risks.form.required.reason'),
      likelihood: t('risks.form.required.likelihood'),
      impact: t('risks.form.required.impact'),
      ownerId: t('risks.form.required.owner'),
    },
    isUnchanged: (v) => Object.keys(changes(r, v)).length === 0,
    send: (v) => recordsApi.updateRisk(programId, r.id, { version: version.base, reason: v.reason, ...changes(r, v) }),
    onSaved,
    subject: r,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog title={t('risks.form.updateTitle', { key: r.key, title: r.title })} form={form} onClose={onClose}>
      <p className="form__context">{t('risks.form.currentScore', { score: r.score, likelihood: r.likelihood, impact: r.impact })}</p>
      <RiskLevelsFields />
      <div className="form__pair">
        <SelectField name="status" label={t('risks.form.status')}>
          <ChoiceOptions choices={liveStatuses} labelOf={(s) => t(`risks.status.${s}`)} />
        </SelectField>
        <SelectField name="strategy" label={t('risks.form.strategy')}>
          <ChoiceOptions choices={riskStrategies} labelOf={(s) => t(`risks.strategy.${s}`)} />
        </SelectField>
      </div>
      <div className="form__pair">
        <DateField name="reviewDate" label={t('risks.form.reviewDate')} />
        <PersonSelect name="ownerId" label={t('risks.form.owner')} people={people} ownerAction="risk.update" current={r.owner} />
      </div>
      <TextField name="mitigation" label={t('risks.form.mitigation')} rows={2} />
      <TextField name="earlyWarning" label={t('risks.form.earlyWarning')} rows={2} />
      <TextField name="reason" label={t('risks.form.reason')} hint={t('risks.form.reasonHint')} rows={2} isRequired />
    </FormDialog>
  );
}
