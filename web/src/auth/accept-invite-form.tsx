import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { type FieldErrors, useForm } from '../components/use-form.js';
import { type AcceptBody, type ApiError, api, type InviteInfo } from '../lib/api.js';
import { userTimeZone } from '../lib/format.js';
import { startSession } from './session.js';

const fields = ['email', 'name', 'password'] as const;

/** Choose a password (and a name); the setup link also asks for the first admin's email. */
export function AcceptInviteForm({ token, info }: { token: string; info: InviteInfo }) {
  const { t } = useTranslation();
  const formId = useId();
  const client = useQueryClient();
  const navigate = useNavigate();
  const setup = info.purpose === 'setup';
  const [email, setEmail] = useState('');
  const [name, setName] = useState(info.name ?? '');
  const [password, setPassword] = useState('');
  const messageFor = (error: ApiError) => (error.code === 'INVITE_INVALID' ? t('invite.invalidBody') : null);
  const form = useForm({ formId, fields, messageFor });
  const err = form.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (setup && !email.trim()) errors.email = t('invite.required.email');
    if (setup && !name.trim()) errors.name = t('invite.required.name');
    if (!password) errors.password = t('invite.required.password');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    const body: AcceptBody = { password, timeZone: userTimeZone };
    if (name.trim()) body.name = name.trim();
    if (setup) body.email = email.trim();
    void form.submit(
      () => api.acceptInvite(token, body),
      async (me) => {
        startSession(client, me);
        await navigate('/', { replace: true });
      },
    );
  };

  return (
    <form className="form panel" noValidate onSubmit={onSubmit}>
      <FormProblem title={t('invite.problemTitle')} message={form.state.message} extra={form.state.extra} />
      <Field
        id={`${formId}-email`}
        name="email"
        label={t('invite.email')}
        hint={setup ? undefined : t('invite.emailHint')}
        error={err.email}
      >
        {(c) =>
          setup ? (
            <input
              {...c}
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          ) : (
            <input {...c} type="email" autoComplete="username" readOnly value={info.email ?? ''} />
          )
        }
      </Field>
      <Field id={`${formId}-name`} name="name" label={t('invite.name')} hint={setup ? undefined : t('invite.nameHint')} error={err.name}>
        {(c) => <input {...c} type="text" autoComplete="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id={`${formId}-password`} name="password" label={t('invite.password')} hint={t('password.rule')} error={err.password}>
        {(c) => <input {...c} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <div className="form__buttons">
        <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
          {setup ? t('invite.submitSetup') : t('invite.submit')}
        </button>
        <span className="form__pending" role="status">
          {form.pending ? t('common.saving') : ''}
        </span>
      </div>
    </form>
  );
}
