import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RaiseRiskSchema } from '../../../src/contract/risk.js';
import { riskCategories, riskStrategies } from '../../../src/domain/risk.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull, numberOrNull } from '../forms/form-values.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import type { ProgramPerson } from '../lib/api.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Risk, recordsApi } from '../lib/records-api.js';
import { PersonSelect } from '../records/person-select.js';
import { RiskLevelsFields } from './risk-levels-fields.js';

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (r: Risk) => void;
}

const shape = RaiseRiskSchema.shape;
/** The request as the form holds it: selects' texts as numbers or "none"; the owner asked for before sending. */
const RaiseRiskForm = RaiseRiskSchema.pick({ title: true, category: true }).extend({
  description: shape.description.unwrap(),
  ownerId: shape.ownerId.unwrap().unwrap(),
  likelihood: numberOrNull(shape.likelihood),
  impact: numberOrNull(shape.impact),
  earlyWarning: shape.earlyWarning.unwrap(),
  strategy: shape.strategy.unwrap(),
  mitigation: shape.mitigation.unwrap(),
  residualLikelihood: numberOrNull(shape.residualLikelihood.unwrap()),
  residualImpact: numberOrNull(shape.residualImpact.unwrap()),
  reviewDate: blankAsNull(shape.reviewDate.unwrap()),
});

/** Raise a risk: what could happen, who owns it, how likely and how bad, the warning sign, the plan. */
export function RaiseRiskDialog({ programId, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: RaiseRiskForm,
    defaultValues: {
      title: '',
      description: '',
      ownerId: '',
      category: 'schedule',
      likelihood: '',
      impact: '',
      earlyWarning: '',
      strategy: 'mitigate',
      mitigation: '',
      residualLikelihood: '',
      residualImpact: '',
      reviewDate: '',
    },
    required: {
      title: t('risks.form.required.title'),
      ownerId: t('risks.form.required.owner'),
      likelihood: t('risks.form.required.likelihood'),
      impact: t('risks.form.required.impact'),
    },
    send: (values) => recordsApi.raiseRisk(programId, values),
    onSaved,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog title={t('risks.form.raiseTitle')} form={form} onClose={onClose}>
      <TextField name="title" label={t('risks.form.title')} hint={t('risks.form.titleHint')} isRequired />
      <TextField name="description" label={t('risks.form.description')} rows={2} />
      <div className="form__pair">
        <PersonSelect name="ownerId" label={t('risks.form.owner')} people={people} ownerAction="risk.update" />
        <SelectField name="category" label={t('risks.form.category')}>
          <ChoiceOptions choices={riskCategories} labelOf={(c) => t(`risks.category.${c}`)} />
        </SelectField>
      </div>
      <RiskLevelsFields />
      <TextField name="earlyWarning" label={t('risks.form.earlyWarning')} hint={t('risks.form.earlyWarningHint')} rows={2} />
      <div className="form__pair">
        <SelectField name="strategy" label={t('risks.form.strategy')}>
          <ChoiceOptions choices={riskStrategies} labelOf={(s) => t(`risks.strategy.${s}`)} />
        </SelectField>
        <DateField name="reviewDate" label={t('risks.form.reviewDate')} hint={t('risks.form.reviewDateHint')} />
      </div>
      <TextField name="mitigation" label={t('risks.form.mitigation')} rows={2} />
    </FormDialog>
  );
}
