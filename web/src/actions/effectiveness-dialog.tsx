import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EffectivenessSchema } from '../../../src/contract/action.js';
import { effectivenessResults } from '../../../src/domain/action.js';
import { useFormField } from '../forms/form-context.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { type Action, recordsApi } from '../lib/records-api.js';

interface Props {
  programId: string;
  action: Action;
  onClose: () => void;
  onSaved: (a: Action) => void;
}

const EffectivenessForm = z.object({ result: fromControl(EffectivenessSchema.shape.result) });

/** The two answers, as one radio group tied to its error. */
function ResultChoice() {
  const { t } = useTranslation();
  const { id, error, registration } = useFormField('result');
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('actions.form.checkQuestion')}</legend>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {effectivenessResults.map((r, i) => (
        <label key={r} className="check-list__item">
          <input id={i === 0 ? id : undefined} type="radio" value={r} aria-invalid={error ? true : undefined} {...registration} />
          <span>{t(`actions.check.${r}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The effectiveness check: did the fix hold? */
export function EffectivenessDialog({ programId, action: a, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const version = useRebase(a.version);
  const form = useFormMutation({
    schema: EffectivenessForm,
    defaultValues: { result: '' },
    required: { result: t('actions.form.required.result') },
    send: ({ result }) => recordsApi.recordEffectiveness(programId, a.id, { version: version.base, result }),
    onSaved,
    subject: a,
    onConflict: version.onConflict,
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <FormDialog title={t('actions.form.checkTitle', { key: a.key, title: a.title })} form={form} onClose={onClose}>
      <ResultChoice />
    </FormDialog>
  );
}
