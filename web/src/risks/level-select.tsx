import { useTranslation } from 'react-i18next';
import { Field } from '../components/field.js';

interface Props {
  formId: string;
  name: string;
  label: string;
  hint?: string | undefined;
  scale: 'likelihood' | 'impact';
  /** '1'…'5', or '' when not assessed (residual levels only). */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Offers "not assessed" (residual levels). */
  isOptional?: boolean;
}

/** A level from 1 to 5, each with its word: "4 likely", "5 severe". */
export function LevelSelect({ formId, name, label, hint, scale, value, onChange, error, isOptional = false }: Props) {
  const { t } = useTranslation();
  return (
    <Field id={`${formId}-${name}`} name={name} label={label} hint={hint} error={error}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{isOptional ? t('risks.notAssessed') : t('risks.form.chooseLevel')}</option>
          {(['1', '2', '3', '4', '5'] as const).map((l) => (
            <option key={l} value={l}>
              {t('risks.level', { level: l, word: t(`risks.${scale}.${l}`) })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The level chosen, or null when none. */
export const toLevel = (value: string): number | null => (value === '' ? null : Number(value));
