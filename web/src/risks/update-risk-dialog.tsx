import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { riskStrategies } from '../../../src/domain/risk.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import type { FieldErrors } from '../components/use-form.js';
import type { ProgramPerson } from '../lib/api.js';
import { toPlainDate } from '../lib/plain-date.js';
import { type Risk, recordsApi, type UpdateRiskBody } from '../lib/records-api.js';
import { ChoiceSelect } from '../records/choice-select.js';
import { DateField } from '../records/date-field.js';
import { PersonSelect } from '../records/person-select.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';
import { toLevel } from './level-select.js';
import { type RiskLevels, RiskLevelsFields } from './risk-levels-fields.js';

interface Props {
  programId: string;
  risk: Risk;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (r: Risk) => void;
}

const fields = [
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
  'status',
  'strategy',
  'reviewDate',
  'ownerId',
  'mitigation',
  'earlyWarning',
  'reason',
] as const;
const level = (n: number | null) => (n === null ? '' : String(n));
const liveStatuses = ['open', 'mitigating'] as const;

/** Re-score or re-plan a risk; every change says why, so "risk changes this week" is exact. */
export function UpdateRiskDialog({ programId, risk: r, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(r.version);
  const [levels, setLevels] = useState<RiskLevels>({
    likelihood: level(r.likelihood),
    impact: level(r.impact),
    residualLikelihood: level(r.residualLikelihood),
    residualImpact: level(r.residualImpact),
  });
  const [status, setStatus] = useState<'open' | 'mitigating'>(r.status === 'mitigating' ? 'mitigating' : 'open');
  const [strategy, setStrategy] = useState(r.strategy);
  const [reviewDate, setReviewDate] = useState<string>(r.reviewDate ?? '');
  const [ownerId, setOwnerId] = useState(r.owner?.id ?? '');
  const [mitigation, setMitigation] = useState(r.mitigation);
  const [earlyWarning, setEarlyWarning] = useState(r.earlyWarning);
  const [reason, setReason] = useState('');
  const form = useRecordForm({ programId, formId, fields, subject: r, onConflict });
  const err = form.errors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const review = toPlainDate(reviewDate);
    if (reviewDate && !review) errors.reviewDate = t('records.invalidDate');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    const body: UpdateRiskBody = { version, reason };
    const l = toLevel(levels.likelihood);
    const i = toLevel(levels.impact);
    if (l !== null && l !== r.likelihood) body.likelihood = l;
    if (i !== null && i !== r.impact) body.impact = i;
    if (toLevel(levels.residualLikelihood) !== r.residualLikelihood) body.residualLikelihood = toLevel(levels.residualLikelihood);
    if (toLevel(levels.residualImpact) !== r.residualImpact) body.residualImpact = toLevel(levels.residualImpact);
    if (status !== r.status) body.status = status;
    if (strategy !== r.strategy) body.strategy = strategy;
    if (review !== r.reviewDate) body.reviewDate = review;
    if (ownerId && ownerId !== r.owner?.id) body.ownerId = ownerId;
    if (mitigation.trim() !== r.mitigation) body.mitigation = mitigation;
    if (earlyWarning.trim() !== r.earlyWarning) body.earlyWarning = earlyWarning;
    if (Object.keys(body).length === 2) return form.fail({}, t('form.nothingChanged'));
    void form.send(() => recordsApi.updateRisk(programId, r.id, body), onSaved);
  };

  return (
    <ModalDialog title={t('risks.form.updateTitle', { key: r.key, title: r.title })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <p className="form__context">{t('risks.form.currentScore', { score: r.score, likelihood: r.likelihood, impact: r.impact })}</p>
        <RiskLevelsFields formId={formId} value={levels} onChange={setLevels} errors={err} />
        <div className="form__pair">
          <ChoiceSelect
            formId={formId}
            name="status"
            label={t('risks.form.status')}
            choices={liveStatuses}
            labelOf={(s) => t(`risks.status.${s}`)}
            value={status}
            onChange={setStatus}
            error={err.status}
          />
          <ChoiceSelect
            formId={formId}
            name="strategy"
            label={t('risks.form.strategy')}
            choices={riskStrategies}
            labelOf={(s) => t(`risks.strategy.${s}`)}
            value={strategy}
            onChange={setStrategy}
            error={err.strategy}
          />
        </div>
        <div className="form__pair">
          <DateField
            formId={formId}
            name="reviewDate"
            label={t('risks.form.reviewDate')}
            error={err.reviewDate}
            value={reviewDate}
            onChange={setReviewDate}
          />
          <PersonSelect
            id={`${formId}-ownerId`}
            name="ownerId"
            label={t('risks.form.owner')}
            people={people}
            ownerAction="risk.update"
            value={ownerId}
            onChange={setOwnerId}
            error={err.ownerId}
            current={r.owner}
          />
        </div>
        <TextField
          formId={formId}
          name="mitigation"
          label={t('risks.form.mitigation')}
          error={err.mitigation}
          value={mitigation}
          onChange={setMitigation}
          rows={2}
          maxLength={5000}
        />
        <TextField
          formId={formId}
          name="earlyWarning"
          label={t('risks.form.earlyWarning')}
          error={err.earlyWarning}
          value={earlyWarning}
          onChange={setEarlyWarning}
          rows={2}
          maxLength={2000}
        />
        <TextField
          formId={formId}
          name="reason"
          label={t('risks.form.reason')}
          hint={t('risks.form.reasonHint')}
          error={err.reason}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={2000}
          isRequired
        />
        <FormButtons pending={form.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
