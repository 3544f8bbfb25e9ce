import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../components/use-form.js';
import { LevelSelect } from './level-select.js';

/** The four levels of a risk as the form holds them: '1'…'5', or '' when not chosen. */
export interface RiskLevels {
  likelihood: string;
  impact: string;
  residualLikelihood: string;
  residualImpact: string;
}

interface Props {
  formId: string;
  value: RiskLevels;
  onChange: (v: RiskLevels) => void;
  errors: FieldErrors;
}

/** How likely and how bad, now and once the mitigation works (residual, optional). */
export function RiskLevelsFields({ formId, value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (field: keyof RiskLevels) => (v: string) => onChange({ ...value, [field]: v });
  return (
    <>
      <div className="form__pair">
        <LevelSelect
          formId={formId}
          name="likelihood"
          label={t('risks.form.likelihood')}
          scale="likelihood"
          value={value.likelihood}
          onChange={set('likelihood')}
          error={errors.likelihood}
        />
        <LevelSelect
          formId={formId}
          name="impact"
          label={t('risks.form.impact')}
          scale="impact"
          value={value.impact}
          onChange={set('impact')}
          error={errors.impact}
        />
      </div>
      <div className="form__pair">
        <LevelSelect
          formId={formId}
          name="residualLikelihood"
          label={t('risks.form.residualLikelihood')}
          hint={t('risks.form.residualHint')}
          scale="likelihood"
          value={value.residualLikelihood}
          onChange={set('residualLikelihood')}
          error={errors.residualLikelihood}
          isOptional
        />
        <LevelSelect
          formId={formId}
          name="residualImpact"
          label={t('risks.form.residualImpact')}
          hint={t('risks.form.residualHint')}
          scale="impact"
          value={value.residualImpact}
          onChange={set('residualImpact')}
          error={errors.residualImpact}
          isOptional
        />
      </div>
    </>
  );
}
