import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { AcceptInviteSchema } from '../../../src/contract/auth.js';
import { blankAsNull } from '../forms/form-values.js';
import { MutationForm } from '../forms/mutation-form.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { api, type InviteInfo } from '../lib/api.js';
import { browserTimeZone } from '../lib/format.js';
import { startSession } from './session.js';

const shape = AcceptInviteSchema.shape;
/** An invite names the person already: their name may be kept as it is, the email is theirs. */
const AcceptForm = z.object({ email: z.string(), name: blankAsNull(shape.name.unwrap().nullable()), password: shape.password });
/** The setup link creates the first admin: it asks for the email and the name too. */
const SetupForm = AcceptForm.extend({ email: z.string().trim().pipe(shape.email.unwrap()) }).superRefine((v, ctx) => {
  if (v.name === null) ctx.addIssue({ code: 'custom', input: '', path: ['name'] });
});

/** Choose a password (and a name); the setup link also asks for the first admin's email. */
export function AcceptInviteForm({ token, info }: { token: string; info: InviteInfo }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const setup = info.purpose === 'setup';
  const form = useFormMutation({
    schema: setup ? SetupForm : AcceptForm,
    defaultValues: { email: setup ? '' : (info.email ?? ''), name: info.name ?? '', password: '' },
    required: { email: t('invite.required.email'), name: t('invite.required.name'), password: t('invite.required.password') },
    messageFor: (error) => (error.code === 'INVITE_INVALID' ? t('invite.invalidBody') : null),
    send: ({ email, name, password }) =>
      api.acceptInvite(token, { password, timeZone: browserTimeZone, ...(name ? { name } : {}), ...(setup ? { email } : {}) }),
    onSaved: async (me) => {
      startSession(client, me);
      await navigate('/', { replace: true });
    },
  });

  return (
    <MutationForm
      form={form}
      className="panel"
      problemTitle={t('invite.problemTitle')}
      submitLabel={setup ? t('invite.submitSetup') : t('invite.submit')}
    >
      <TextField
        name="email"
        label={t('invite.email')}
        hint={setup ? undefined : t('invite.emailHint')}
        type="email"
        autoComplete="username"
        isReadOnly={!setup}
      />
      <TextField name="name" label={t('invite.name')} hint={setup ? undefined : t('invite.nameHint')} autoComplete="name" />
      <TextField name="password" label={t('invite.password')} hint={t('password.rule')} type="password" autoComplete="new-password" />
    </MutationForm>
  );
}
