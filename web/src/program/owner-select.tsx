import { useTranslation } from 'react-i18next';
import type { User } from '../../../src/contract/user.js';
import { Field } from '../components/field.js';

interface Props {
  formId: string;
  users: readonly User[];
  /** A user id, or '' for no owner. */
  value: string;
  onChange: (ownerId: string) => void;
  error?: string | undefined;
}

export function OwnerSelect({ formId, users, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const known = value === '' || users.some((u) => u.id === value);
  return (
    <Field id={`${formId}-ownerId`} name="ownerId" label={t('form.owner')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.noOwnerOption')}</option>
          {!known && <option value={value}>{value}</option>}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
