import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../forms/select-field.js';
import type { ProgramPerson } from '../lib/api.js';

interface Props {
  users: readonly ProgramPerson[];
  /** The owner as saved, named even when they no longer hold a role on the program. */
  current?: { id: string; name: string } | null | undefined;
}

/** The milestone's owner (field `ownerId`: a user id, or '' while nobody is chosen); every milestone has one. */
export function OwnerSelect({ users, current }: Props) {
  const { t } = useTranslation();
  const value = useWatch({ name: 'ownerId' }) as string;
  const known = value === '' || users.some((u) => u.id === value);
  return (
    <SelectField name="ownerId" label={t('form.owner')} isRequired>
      <option value="">{t('records.choosePerson')}</option>
      {!known && <option value={value}>{current?.id === value ? current.name : value}</option>}
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </SelectField>
  );
}
