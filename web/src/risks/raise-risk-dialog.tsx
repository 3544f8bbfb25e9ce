import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { riskCategories, riskStrategies } from '../../../src/domain/risk.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import type { FieldErrors } from '../components/use-form.js';
import type { ProgramPerson } from '../lib/api.js';
import { toPlainDate } from '../lib/plain-date.js';
import { type RaiseRiskBody, type Risk, recordsApi } from '../lib/records-api.js';
import { ChoiceSelect } from '../records/choice-select.js';
import { DateField } from '../records/date-field.js';
import { PersonSelect } from '../records/person-select.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm } from '../records/use-record-form.js';
import { toLevel } from './level-select.js';
import { type RiskLevels, RiskLevelsFields } from './risk-levels-fields.js';

type Category = Risk['category'];
type Strategy = Risk['strategy'];

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (r: Risk) => void;
}

const fields = [
  'title',
  'description',
  'ownerId',
  'category',
  'likelihood',
  'impact',
  'earlyWarning',
  'strategy',
  'mitigation',
  'residualLikelihood',
  'residualImpact',
  'reviewDate',
] as const;

/** Raise a risk: what could happen, who owns it, how likely and how bad, the warning sign, the plan. */
export function RaiseRiskDialog({ programId, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [category, setCategory] = useState<Category>('schedule');
  const [levels, setLevels] = useState<RiskLevels>({ likelihood: '', impact: '', residualLikelihood: '', residualImpact: '' });
  const [earlyWarning, setEarlyWarning] = useState('');
  const [strategy, setStrategy] = useState<Strategy>('mitigate');
  const [mitigation, setMitigation] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const form = useRecordForm({ programId, formId, fields });
  const err = form.errors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const l = toLevel(levels.likelihood);
    const i = toLevel(levels.impact);
    const review = toPlainDate(reviewDate);
    if (l === null) errors.likelihood = t('risks.form.required.likelihood');
    if (i === null) errors.impact = t('risks.form.required.impact');
    if (reviewDate && !review) errors.reviewDate = t('records.invalidDate');
    if (l === null || i === null || Object.keys(errors).length > 0) return form.fail(errors);
    const body: RaiseRiskBody = {
      title,
      description,
      ownerId: ownerId || null,
      category,
      likelihood: l,
      impact: i,
      earlyWarning,
      strategy,
      mitigation,
      residualLikelihood: toLevel(levels.residualLikelihood),
      residualImpact: toLevel(levels.residualImpact),
      reviewDate: review,
    };
    void form.send(() => recordsApi.raiseRisk(programId, body), onSaved);
  };

  return (
    <ModalDialog title={t('risks.form.raiseTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <TextField
          formId={formId}
          name="title"
          label={t('risks.form.title')}
          hint={t('risks.form.titleHint')}
          error={err.title}
          value={title}
          onChange={setTitle}
          maxLength={300}
          isRequired
        />
        <TextField
          formId={formId}
          name="description"
          label={t('risks.form.description')}
          error={err.description}
          value={description}
          onChange={setDescription}
          rows={2}
          maxLength={5000}
        />
        <div className="form__pair">
          <PersonSelect
            id={`${formId}-ownerId`}
            name="ownerId"
            label={t('risks.form.owner')}
            people={people}
            ownerAction="risk.update"
            value={ownerId}
            onChange={setOwnerId}
            error={err.ownerId}
          />
          <ChoiceSelect
            formId={formId}
            name="category"
            label={t('risks.form.category')}
            choices={riskCategories}
            labelOf={(c) => t(`risks.category.${c}`)}
            value={category}
            onChange={setCategory}
            error={err.category}
          />
        </div>
        <RiskLevelsFields formId={formId} value={levels} onChange={setLevels} errors={err} />
        <TextField
          formId={formId}
          name="earlyWarning"
          label={t('risks.form.earlyWarning')}
          hint={t('risks.form.earlyWarningHint')}
          error={err.earlyWarning}
          value={earlyWarning}
          onChange={setEarlyWarning}
          rows={2}
          maxLength={2000}
        />
        <div className="form__pair">
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
          <DateField
            formId={formId}
            name="reviewDate"
            label={t('risks.form.reviewDate')}
            hint={t('risks.form.reviewDateHint')}
            error={err.reviewDate}
            value={reviewDate}
            onChange={setReviewDate}
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
        <FormButtons pending={form.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
