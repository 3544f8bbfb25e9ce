import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { type FieldErrors, useForm } from '../components/use-form.js';
import { api, type Invitation, type InviteBody, type Role } from '../lib/api.js';
import { RoleFields } from './role-fields.js';
import { RoleGuide } from './role-guide.js';
import { scopeFieldOf, toGrant } from './scope.js';

interface Row {
  key: number;
  role: Role | '';
  scope: string;
}

interface Props {
  onClose: () => void;
  onInvited: (invitation: Invitation, person: { name: string; email: string }) => Promise<void>;
}

let nextKey = 1;
const emptyRow = (): Row => ({ key: nextKey++, role: '', scope: '' });

/** Invite someone with their roles; the link to send them comes back once. */
export function InviteDialog({ onClose, onInvited }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [rows, setRows] = useState<Row[]>(() => [emptyRow()]);
  const fields = ['email', 'name', 'isAdmin', ...rows.flatMap((_, i) => [`roles.${i}.role`, `roles.${i}.scope`])];
  const form = useForm({ formId, fields, fieldOf: scopeFieldOf });
  const err = form.state.fieldErrors;
  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('people.required.email');
    if (!name.trim()) errors.name = t('people.required.name');
    const body: InviteBody = { email: email.trim(), name: name.trim(), isAdmin, roles: [] };
    rows.forEach((r, i) => {
      if (r.role === '' && r.scope === '') return;
      if (r.role === '') errors[`roles.${i}.role`] = t('people.required.role');
      const grant = r.role === '' ? null : toGrant(r.role, r.scope);
      if (!r.scope) errors[`roles.${i}.scope`] = t('people.required.scope');
      else if (grant) body.roles.push(grant);
    });
    if (Object.keys(errors).length > 0) return form.fail(errors);
    void form.submit(
      () => api.invite(body),
      (invitation) => onInvited(invitation, { name: body.name, email: body.email }),
    );
  };

  return (
    <ModalDialog title={t('people.inviteTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem title={t('people.inviteProblem')} message={form.state.message} extra={form.state.extra} />
        <Field id={`${formId}-email`} name="email" label={t('people.email')} error={err.email}>
          {(c) => (
            <input {...c} type="email" autoComplete="off" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field id={`${formId}-name`} name="name" label={t('people.name')} error={err.name}>
          {(c) => <input {...c} type="text" autoComplete="off" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          id={`${formId}-isAdmin`}
          name="isAdmin"
          label={t('people.isAdmin')}
          hint={t('people.isAdminHint')}
          error={err.isAdmin}
          inline
        >
          {(c) => <input {...c} type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />}
        </Field>
        {rows.map((r, i) => (
          <fieldset key={r.key} className="fieldset">
            <legend>{t('people.roleRow', { n: i + 1 })}</legend>
            <RoleFields
              idPrefix={`${formId}-roles.${i}.`}
              role={r.role}
              scope={r.scope}
              onRole={(role) => update(r.key, { role })}
              onScope={(scope) => update(r.key, { scope })}
              roleError={err[`roles.${i}.role`]}
              scopeError={err[`roles.${i}.scope`]}
            />
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
            >
              {t('people.removeRow', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <div>
          <button type="button" className="button button--secondary" onClick={() => setRows((rs) => [...rs, emptyRow()])}>
            {t('people.addRow')}
          </button>
        </div>
        <RoleGuide />
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {t('people.sendInvite')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <span className="form__pending" role="status">
            {form.pending ? t('common.saving') : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
