import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { type FieldErrors, useForm } from '../components/use-form.js';
import { api, type Membership, type Person, type Role } from '../lib/api.js';
import { RoleFields } from './role-fields.js';
import { RoleGuide } from './role-guide.js';
import { scopeFieldOf, toGrant } from './scope.js';

const fields = ['role', 'scope'] as const;

interface Props {
  person: Person;
  onClose: () => void;
  onAdded: (membership: Membership) => Promise<void>;
}

export function AddRoleDialog({ person, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [role, setRole] = useState<Role | ''>('');
  const [scope, setScope] = useState('');
  const form = useForm({ formId, fields, fieldOf: scopeFieldOf });
  const err = form.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (role === '') errors.role = t('people.required.role');
    if (!scope) errors.scope = t('people.required.scope');
    const grant = role === '' ? null : toGrant(role, scope);
    if (!grant || Object.keys(errors).length > 0) return form.fail(errors);
    void form.submit(() => api.grantRole(person.id, grant), onAdded);
  };

  return (
    <ModalDialog title={t('people.addRoleTitle', { name: person.name })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <RoleFields
          idPrefix={`${formId}-`}
          role={role}
          scope={scope}
          onRole={setRole}
          onScope={setScope}
          roleError={err.role}
          scopeError={err.scope}
        />
        <RoleGuide />
        <FormButtons pending={form.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
