import { useTranslation } from 'react-i18next';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { phases } from '../lib/phases.js';

/** The milestone's phase (field `phase`). */
export function PhaseSelect() {
  const { t } = useTranslation();
  return (
    <SelectField name="phase" label={t('form.phase')}>
      <ChoiceOptions choices={phases} labelOf={(p) => t(`phase.${p}`)} />
    </SelectField>
  );
}
