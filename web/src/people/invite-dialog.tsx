import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InviteSchema } from '../../../src/contract/auth.js';
import { CheckboxField } from '../forms/checkbox-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { api, type Invitation, type Role, type RoleGrant } from '../lib/api.js';
import { TimeZoneField } from '../setup/time-zone-field.js';
import { RoleFields } from './role-fields.js';
import { RoleGuide } from './role-guide.js';
import { scopeFieldOf, toGrant } from './scope.js';

interface Props {
  onClose: () => void;
  onInvited: (invitation: Invitation, person: { name: string; email: string }) => Promise<void>;
}

/** A row left empty is skipped; a row half filled asks for its other half. */
const RoleRows = z
  .array(z.object({ role: z.string(), scope: z.string() }))
  .superRefine((rows, ctx) =>
    rows.forEach((r, i) => {
      if (r.role === '' && r.scope === '') return;
      if (r.role === '') ctx.addIssue({ code: 'custom', input: '', path: [i, 'role'] });
      if (r.scope === '') ctx.addIssue({ code: 'custom', input: '', path: [i, 'scope'] });
    }),
  )
  .transform((rows) => rows.flatMap((r) => toGrant(r.role as Role, r.scope) ?? []))
  .pipe(InviteSchema.shape.roles.unwrap() as z.ZodType<RoleGrant[], RoleGrant[]>);

const InviteForm = InviteSchema.pick({ name: true }).extend({
  email: z.string().trim().pipe(InviteSchema.shape.email),
  isAdmin: InviteSchema.shape.isAdmin.unwrap(),
  // Empty: left out, so the invitee's browser gives the zone when they accept.
  timeZone: z
    .string()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(InviteSchema.shape.timeZone),
  roles: RoleRows,
});
const emptyRow = { role: '', scope: '' };

/** Invite someone with their roles; the link to send them comes back once. */
export function InviteDialog({ onClose, onInvited }: Props) {
  const { t } = useTranslation();
  const form = useFormMutation({
    schema: InviteForm,
    defaultValues: { email: '', name: '', isAdmin: false, timeZone: '', roles: [emptyRow] },
    required: {
      email: t('people.required.email'),
      name: t('people.required.name'),
      'roles.role': t('people.required.role'),
      'roles.scope': t('people.required.scope'),
    },
    fieldOf: scopeFieldOf,
    send: (body) => api.invite(body),
    onSaved: (invitation): Promise<void> => {
      const { name, email } = form.methods.getValues();
      return onInvited(invitation, { name: name.trim(), email: email.trim() });
    },
  });
  const rows = useFieldArray({ control: form.methods.control, name: 'roles' });

  return (
    <FormDialog
      title={t('people.inviteTitle')}
      form={form}
      onClose={onClose}
      problemTitle={t('people.inviteProblem')}
      submitLabel={t('people.sendInvite')}
    >
      <TextField name="email" label={t('people.email')} type="email" />
      <TextField name="name" label={t('people.name')} />
      <TimeZoneField label={t('people.timeZone')} hint={t('people.timeZoneHint')} emptyLabel={t('people.timeZoneBrowser')} />
      <CheckboxField name="isAdmin" label={t('people.isAdmin')} hint={t('people.isAdminHint')} />
      {rows.fields.map((r, i) => (
        <fieldset key={r.id} className="fieldset">
          <legend>{t('people.roleRow', { n: i + 1 })}</legend>
          <RoleFields prefix={`roles.${i}.`} />
          <button type="button" className="button button--small button--secondary" onClick={() => rows.remove(i)}>
            {t('people.removeRow', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <div>
        <button type="button" className="button button--secondary" onClick={() => rows.append(emptyRow)}>
          {t('people.addRow')}
        </button>
      </div>
      <RoleGuide />
    </FormDialog>
  );
}
