import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RoleSchema } from '../../../src/contract/auth.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { FormRefusal, useFormMutation } from '../forms/use-form-mutation.js';
import { api, type Membership, type Person } from '../lib/api.js';
import { RoleFields } from './role-fields.js';
import { RoleGuide } from './role-guide.js';
import { scopeFieldOf, toGrant } from './scope.js';

interface Props {
  person: Person;
  onClose: () => void;
  onAdded: (membership: Membership) => Promise<void>;
}

/** A role and the client or program it holds on, chosen from lists. */
export const RoleRowForm = z.object({ role: fromControl(RoleSchema), scope: z.string().min(1) });

export function AddRoleDialog({ person, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const form = useFormMutation({
    schema: RoleRowForm,
    defaultValues: { role: '', scope: '' },
    required: { role: t('people.required.role'), scope: t('people.required.scope') },
    fieldOf: scopeFieldOf,
    send: ({ role, scope }) => {
      const grant = toGrant(role, scope);
      if (!grant) throw new FormRefusal(t('people.required.scope'));
      return api.grantRole(person.id, grant);
    },
    onSaved: onAdded,
  });

  return (
    <FormDialog title={t('people.addRoleTitle', { name: person.name })} form={form} onClose={onClose}>
      <RoleFields />
      <RoleGuide />
    </FormDialog>
  );
}
