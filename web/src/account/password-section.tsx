import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordSchema } from '../../../src/contract/auth.js';
import { MutationForm } from '../forms/mutation-form.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { api } from '../lib/api.js';
import { queryKeys } from '../lib/queries.js';

const blank = { currentPassword: '', newPassword: '' };

/** Change your password; your other sessions end and your API tokens are revoked, this session stays. */
export function PasswordSection({ email }: { email: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const [done, setDone] = useState('');
  const schema = ChangePasswordSchema.superRefine((v, ctx) => {
    if (v.newPassword !== '' && v.newPassword === v.currentPassword)
      ctx.addIssue({ code: 'custom', input: v.newPassword, path: ['newPassword'], params: { text: t('password.same') } });
  });
  const form = useFormMutation({
    schema,
    defaultValues: blank,
    required: { currentPassword: t('password.required.current'), newPassword: t('password.required.new') },
    send: ({ currentPassword, newPassword }) => {
      setDone('');
      return api.changePassword(currentPassword, newPassword);
    },
    onSaved: async (changed) => {
      form.methods.reset(blank);
      setDone(t('password.changed', { sessions: changed.endedSessions, tokens: changed.revokedTokens }));
      // The token list shows them revoked.
      await client.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('password.heading')}</h2>
      <p className="live-message" role="status">
        {done}
      </p>
      <MutationForm
        form={form}
        className="panel panel--narrow"
        problemTitle={t('password.problemTitle')}
        submitLabel={t('password.submit')}
      >
        {/* Tells password managers which account the new password belongs to. */}
        <input type="email" className="visually-hidden" autoComplete="username" value={email} readOnly tabIndex={-1} aria-hidden="true" />
        <TextField name="currentPassword" label={t('password.current')} type="password" autoComplete="current-password" />
        <TextField name="newPassword" label={t('password.new')} hint={t('password.rule')} type="password" autoComplete="new-password" />
      </MutationForm>
    </section>
  );
}
