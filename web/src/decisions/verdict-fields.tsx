import { useTranslation } from 'react-i18next';
import { DecideSchema } from '../../../src/contract/decision.js';
import { TextField } from '../forms/text-field.js';

/** The verdict's fields as the contract checks them, to extend a form schema with. */
export const verdictShape = {
  outcome: DecideSchema.shape.outcome,
  rationale: DecideSchema.shape.rationale,
  expectedImpact: DecideSchema.shape.expectedImpact,
};

export const emptyVerdict = { outcome: '', rationale: '', expectedImpact: '' };

/** The catalogue's words for a verdict field left empty. */
export function useVerdictRequired() {
  const { t } = useTranslation();
  return {
    outcome: t('decisions.form.required.outcome'),
    rationale: t('decisions.form.required.rationale'),
    expectedImpact: t('decisions.form.required.expectedImpact'),
  };
}

/** What was decided, why, and what it will change: all three are recorded with every decision. */
export function VerdictFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="outcome" label={t('decisions.form.outcome')} hint={t('decisions.form.outcomeHint')} rows={2} isRequired />
      <TextField name="rationale" label={t('decisions.form.rationale')} hint={t('decisions.form.rationaleHint')} rows={3} isRequired />
      <TextField name="expectedImpact" label={t('decisions.form.impact')} hint={t('decisions.form.impactHint')} rows={2} isRequired />
    </>
  );
}
