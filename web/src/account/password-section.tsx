import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { type FieldErrors, useForm } from '../components/use-form.js';
import { api } from '../lib/api.js';
import { queryKeys } from '../lib/queries.js';

const fields = ['currentPassword', 'newPassword'] as const;

/** Change your password; your other sessions end and your API tokens are revoked, this session stays. */
export function PasswordSection({ email }: { email: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const headingId = useId();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState('');
  const form = useForm({ formId, fields });
  const client = useQueryClient();
  const err = form.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const errors: FieldErrors = {};
    if (!currentPassword) errors.currentPassword = t('password.required.current');
    if (!newPassword) errors.newPassword = t('password.required.new');
    else if (newPassword === currentPassword) errors.newPassword = t('password.same');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    void form.submit(
      () => api.changePassword(currentPassword, newPassword),
      async (changed) => {
        setCurrent('');
        setNew('');
        setDone(t('password.changed', { sessions: changed.endedSessions, tokens: changed.revokedTokens }));
        // The token list shows them revoked.
        await client.invalidateQueries({ queryKey: queryKeys.tokens });
      },
    );
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('password.heading')}</h2>
      <p className="live-message" role="status">
        {done}
      </p>
      <form className="form panel panel--narrow" noValidate onSubmit={onSubmit}>
        <FormProblem title={t('password.problemTitle')} message={form.state.message} extra={form.state.extra} />
        {/* Tells password managers which account the new password belongs to. */}
        <input type="email" className="visually-hidden" autoComplete="username" value={email} readOnly tabIndex={-1} aria-hidden="true" />
        <Field id={`${formId}-currentPassword`} name="currentPassword" label={t('password.current')} error={err.currentPassword}>
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${formId}-newPassword`} name="newPassword" label={t('password.new')} hint={t('password.rule')} error={err.newPassword}>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />}
        </Field>
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {t('password.submit')}
          </button>
          <span className="form__pending" role="status">
            {form.pending ? t('common.saving') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
