import { useTranslation } from 'react-i18next';
import { Field } from '../components/field.js';
import { type Phase, phases } from '../lib/phases.js';

interface Props {
  formId: string;
  value: Phase;
  onChange: (phase: Phase) => void;
  error?: string | undefined;
}

export function PhaseSelect({ formId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Field id={`${formId}-phase`} name="phase" label={t('form.phase')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as Phase)}>
          {phases.map((p) => (
            <option key={p} value={p}>
              {t(`phase.${p}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
