import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { LoginSchema } from '../../../src/contract/auth.js';
import { PageTitle } from '../components/page-title.js';
import { MutationForm } from '../forms/mutation-form.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { type ApiError, api } from '../lib/api.js';
import { OidcLink } from './oidc-link.js';
import { safeNext, startSession } from './session.js';

const SignInForm = LoginSchema.pick({ password: true }).extend({ email: z.string().trim().pipe(LoginSchema.shape.email) });

export function SignInPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: 'signedOut' | 'expired' } | null)?.notice;
  const next = safeNext(params.get('next'));

  const messageFor = (error: ApiError): string | null => {
    if (error.code === 'INVALID_CREDENTIALS') return t('signIn.invalid');
    if (error.code === 'RATE_LIMITED') return t('signIn.rateLimited', { count: Math.max(1, Math.ceil((error.retryAfter ?? 900) / 60)) });
    return null;
  };
  const form = useFormMutation({
    schema: SignInForm,
    defaultValues: { email: '', password: '' },
    required: { email: t('signIn.required.email'), password: t('signIn.required.password') },
    messageFor,
    send: ({ email, password }) => api.signIn(email, password),
    onSaved: async (me) => {
      startSession(client, me);
      await navigate(next, { replace: true });
    },
  });

  return (
    <>
      <PageTitle page={t('signIn.title')} />
      <h1>{t('signIn.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(`signIn.notice.${notice}`)}
        </p>
      )}
      <MutationForm
        form={form}
        className="panel"
        problemTitle={t('signIn.problemTitle')}
        submitLabel={t('signIn.submit')}
        pendingLabel={t('signIn.pending')}
      >
        <TextField name="email" label={t('signIn.email')} type="email" autoComplete="username" />
        <TextField name="password" label={t('signIn.password')} type="password" autoComplete="current-password" />
      </MutationForm>
      <OidcLink />
      <p className="muted">{t('signIn.noAccount')}</p>
    </>
  );
}
