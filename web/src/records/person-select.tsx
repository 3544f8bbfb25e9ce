import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../src/contract/common.js';
import { SelectField } from '../forms/select-field.js';
import type { ProgramPerson } from '../lib/api.js';
import { type Can, couldOwn } from '../lib/permissions.js';

interface Props {
  /** The form's field: a user id, or '' when nobody is chosen yet. */
  name: string;
  label: string;
  hint?: string | undefined;
  people: readonly ProgramPerson[];
  /** Only people whose role lets them act on an item they own are offered. */
  ownerAction: keyof Can;
  /** The owner as saved, named even when their role no longer fits. */
  current?: PersonRef | null | undefined;
  isRequired?: boolean;
}

/** Choose the person who will own a decision, risk or action, from the program's people. */
export function PersonSelect({ name, label, hint, people, ownerAction, current, isRequired = false }: Props) {
  const { t } = useTranslation();
  const value = useWatch({ name }) as string;
  const offered = people.filter((p) => couldOwn(p.roles, ownerAction));
  const known = value === '' || offered.some((p) => p.id === value);
  return (
    <SelectField name={name} label={label} hint={hint} isRequired={isRequired}>
      <option value="">{t('records.choosePerson')}</option>
      {!known && <option value={value}>{current?.id === value ? current.name : value}</option>}
      {offered.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </SelectField>
  );
}
