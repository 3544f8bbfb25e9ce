import { useTranslation } from 'react-i18next';
import { CreateTokenSchema } from '../../../src/contract/auth.js';
import { numberOrNull } from '../forms/form-values.js';
import { MutationForm } from '../forms/mutation-form.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { api, type CreatedToken } from '../lib/api.js';

const lifetimes = [30, 90, 180, 366] as const;
const NewTokenForm = CreateTokenSchema.pick({ name: true }).extend({
  expiresInDays: numberOrNull(CreateTokenSchema.shape.expiresInDays.unwrap()),
});

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => Promise<void> }) {
  const { t } = useTranslation();
  const form = useFormMutation({
    schema: NewTokenForm,
    defaultValues: { name: '', expiresInDays: '90' },
    required: { name: t('tokens.required.name') },
    send: ({ name, expiresInDays }) => api.createToken(name, expiresInDays),
    onSaved: async (created) => {
      form.methods.reset({ name: '', expiresInDays: form.methods.getValues('expiresInDays') });
      await onCreated(created);
    },
  });

  return (
    <MutationForm
      form={form}
      className="panel"
      aria-label={t('tokens.createHeading')}
      problemTitle={t('tokens.problemTitle')}
      submitLabel={t('tokens.create')}
    >
      <div className="form__pair">
        <TextField name="name" label={t('tokens.name')} hint={t('tokens.nameHint')} />
        <SelectField name="expiresInDays" label={t('tokens.expiresIn')}>
          {lifetimes.map((d) => (
            <option key={d} value={String(d)}>
              {t('tokens.days', { count: d })}
            </option>
          ))}
        </SelectField>
      </div>
    </MutationForm>
  );
}
