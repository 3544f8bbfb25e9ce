import { useTranslation } from 'react-i18next';
import { LevelSelect } from './level-select.js';

/** How likely and how bad, now and once the mitigation works (residual, optional). */
export function RiskLevelsFields() {
  const { t } = useTranslation();
  return (
    <>
      <div className="form__pair">
        <LevelSelect name="likelihood" label={t('risks.form.likelihood')} scale="likelihood" />
        <LevelSelect name="impact" label={t('risks.form.impact')} scale="impact" />
      </div>
      <div className="form__pair">
        <LevelSelect
          name="residualLikelihood"
          label={t('risks.form.residualLikelihood')}
          hint={t('risks.form.residualHint')}
          scale="likelihood"
          isOptional
        />
        <LevelSelect
          name="residualImpact"
          label={t('risks.form.residualImpact')}
          hint={t('risks.form.residualHint')}
          scale="impact"
          isOptional
        />
      </div>
    </>
  );
}
