import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effectivenessResults } from '../../../src/domain/action.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { type Action, recordsApi } from '../lib/records-api.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';

type Result = Action['checkResult'];

interface Props {
  programId: string;
  action: Action;
  onClose: () => void;
  onSaved: (a: Action) => void;
}

/** The effectiveness check: did the fix hold? */
export function EffectivenessDialog({ programId, action: a, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(a.version);
  const [result, setResult] = useState<Result>(null);
  const form = useRecordForm({ programId, formId, fields: ['result'], subject: a, onConflict });
  const error = form.errors.result;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (result === null) return form.fail({ result: t('actions.form.required.result') });
    void form.send(() => recordsApi.recordEffectiveness(programId, a.id, { version, result }), onSaved);
  };

  return (
    <ModalDialog title={t('actions.form.checkTitle', { key: a.key, title: a.title })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <fieldset className="fieldset" aria-describedby={error ? `${formId}-result-error` : undefined}>
          <legend>{t('actions.form.checkQuestion')}</legend>
          {error && (
            <p id={`${formId}-result-error`} className="field__error">
              {error}
            </p>
          )}
          {effectivenessResults.map((r, i) => (
            <label key={r} className="check-list__item">
              <input
                id={i === 0 ? `${formId}-result` : undefined}
                type="radio"
                name="result"
                value={r}
                checked={result === r}
                onChange={() => setResult(r)}
              />
              <span>{t(`actions.check.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <FormButtons pending={form.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
