import { useTranslation } from 'react-i18next';
import { Field } from '../components/field.js';
import type { ProgramPerson } from '../lib/api.js';

interface Props {
  formId: string;
  users: readonly ProgramPerson[];
  /** A user id, or '' for no owner. */
  value: string;
  onChange: (ownerId: string) => void;
  error?: string | undefined;
  /** The owner as saved, named even when they no longer hold a role on the program. */
  current?: { id: string; name: string } | null | undefined;
}

export function OwnerSelect({ formId, users, value, onChange, error, current }: Props) {
  const { t } = useTranslation();
  const known = value === '' || users.some((u) => u.id === value);
  return (
    <Field id={`${formId}-ownerId`} name="ownerId" label={t('form.owner')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.noOwnerOption')}</option>
          {!known && <option value={value}>{current?.id === value ? current.name : value}</option>}
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
