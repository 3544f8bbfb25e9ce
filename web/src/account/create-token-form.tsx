import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { useForm } from '../components/use-form.js';
import { api, type CreatedToken } from '../lib/api.js';

const fields = ['name', 'expiresInDays'] as const;
const lifetimes = [30, 90, 180, 366] as const;

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => Promise<void> }) {
  const { t } = useTranslation();
  const formId = useId();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(90);
  const form = useForm({ formId, fields });
  const err = form.state.fieldErrors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return form.fail({ name: t('tokens.required.name') });
    void form.submit(
      () => api.createToken(name.trim(), days),
      async (created) => {
        setName('');
        await onCreated(created);
      },
    );
  };

  return (
    <form className="form panel" noValidate onSubmit={onSubmit} aria-label={t('tokens.createHeading')}>
      <FormProblem title={t('tokens.problemTitle')} message={form.state.message} extra={form.state.extra} />
      <div className="form__pair">
        <Field id={`${formId}-name`} name="name" label={t('tokens.name')} hint={t('tokens.nameHint')} error={err.name}>
          {(c) => <input {...c} type="text" autoComplete="off" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id={`${formId}-expiresInDays`} name="expiresInDays" label={t('tokens.expiresIn')} error={err.expiresInDays}>
          {(c) => (
            <select {...c} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {lifetimes.map((d) => (
                <option key={d} value={d}>
                  {t('tokens.days', { count: d })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__buttons">
        <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
          {t('tokens.create')}
        </button>
        <span className="form__pending" role="status">
          {form.pending ? t('common.saving') : ''}
        </span>
      </div>
    </form>
  );
}
