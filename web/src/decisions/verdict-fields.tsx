import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../components/use-form.js';
import { TextField } from '../records/text-field.js';

export interface Verdict {
  outcome: string;
  rationale: string;
  expectedImpact: string;
}

interface Props {
  formId: string;
  value: Verdict;
  onChange: (v: Verdict) => void;
  errors: FieldErrors;
}

/** What was decided, why, and what it will change: all three are recorded with every decision. */
export function VerdictFields({ formId, value, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        formId={formId}
        name="outcome"
        label={t('decisions.form.outcome')}
        hint={t('decisions.form.outcomeHint')}
        error={errors.outcome}
        value={value.outcome}
        onChange={(outcome) => onChange({ ...value, outcome })}
        rows={2}
        maxLength={5000}
        isRequired
      />
      <TextField
        formId={formId}
        name="rationale"
        label={t('decisions.form.rationale')}
        hint={t('decisions.form.rationaleHint')}
        error={errors.rationale}
        value={value.rationale}
        onChange={(rationale) => onChange({ ...value, rationale })}
        rows={3}
        maxLength={5000}
        isRequired
      />
      <TextField
        formId={formId}
        name="expectedImpact"
        label={t('decisions.form.impact')}
        hint={t('decisions.form.impactHint')}
        error={errors.expectedImpact}
        value={value.expectedImpact}
        onChange={(expectedImpact) => onChange({ ...value, expectedImpact })}
        rows={2}
        maxLength={5000}
        isRequired
      />
    </>
  );
}

export const emptyVerdict: Verdict = { outcome: '', rationale: '', expectedImpact: '' };
