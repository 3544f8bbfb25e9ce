import { useTranslation } from 'react-i18next';
import { SelectField } from '../forms/select-field.js';

interface Props {
  /** The form's field: '1'…'5', or '' when not assessed (residual levels only). */
  name: string;
  label: string;
  hint?: string | undefined;
  scale: 'likelihood' | 'impact';
  /** Offers "not assessed" (residual levels). */
  isOptional?: boolean;
}

/** A level from 1 to 5, each with its word: "4 likely", "5 severe". */
export function LevelSelect({ name, label, hint, scale, isOptional = false }: Props) {
  const { t } = useTranslation();
  return (
    <SelectField name={name} label={label} hint={hint}>
      <option value="">{isOptional ? t('risks.notAssessed') : t('risks.form.chooseLevel')}</option>
      {(['1', '2', '3', '4', '5'] as const).map((l) => (
        <option key={l} value={l}>
          {t('risks.level', { level: l, word: t(`risks.${scale}.${l}`) })}
        </option>
      ))}
    </SelectField>
  );
}

/** A level as its select holds it: '' when none. */
export const levelText = (n: number | null): string => (n === null ? '' : String(n));
