import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { PageTitle } from '../components/page-title.js';
import { type FieldErrors, useForm } from '../components/use-form.js';
import { type ApiError, api } from '../lib/api.js';
import { OidcLink } from './oidc-link.js';
import { safeNext, startSession } from './session.js';

const fields = ['email', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  const formId = useId();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: 'signedOut' | 'expired' } | null)?.notice;
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const messageFor = (error: ApiError): string | null => {
    if (error.code === 'INVALID_CREDENTIALS') return t('signIn.invalid');
    if (error.code === 'RATE_LIMITED') return t('signIn.rateLimited', { count: Math.max(1, Math.ceil((error.retryAfter ?? 900) / 60)) });
    return null;
  };
  const form = useForm({ formId, fields, messageFor });
  const err = form.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('signIn.required.email');
    if (!password) errors.password = t('signIn.required.password');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    void form.submit(
      () => api.signIn(email.trim(), password),
      async (me) => {
        startSession(client, me);
        await navigate(next, { replace: true });
      },
    );
  };

  return (
    <>
      <PageTitle page={t('signIn.title')} />
      <h1>{t('signIn.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(`signIn.notice.${notice}`)}
        </p>
      )}
      <form className="form panel" noValidate onSubmit={onSubmit}>
        <FormProblem title={t('signIn.problemTitle')} message={form.state.message} extra={form.state.extra} />
        <Field id={`${formId}-email`} name="email" label={t('signIn.email')} error={err.email}>
          {(c) => (
            <input
              {...c}
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${formId}-password`} name="password" label={t('signIn.password')} error={err.password}>
          {(c) => (
            <input {...c} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {t('signIn.submit')}
          </button>
          <span className="form__pending" role="status">
            {form.pending ? t('signIn.pending') : ''}
          </span>
        </div>
      </form>
      <OidcLink />
      <p className="muted">{t('signIn.noAccount')}</p>
    </>
  );
}
