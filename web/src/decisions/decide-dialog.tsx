import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { type Decision, recordsApi } from '../lib/records-api.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';
import { emptyVerdict, type Verdict, VerdictFields } from './verdict-fields.js';

interface Props {
  programId: string;
  decision: Decision;
  onClose: () => void;
  onSaved: (d: Decision) => void;
}

const fields = ['outcome', 'rationale', 'expectedImpact'] as const;

/** The owner decides, once: outcome, rationale and expected impact. A decided decision never changes. */
export function DecideDialog({ programId, decision: d, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(d.version);
  const [verdict, setVerdict] = useState<Verdict>(emptyVerdict);
  const form = useRecordForm({ programId, formId, fields, subject: d, onConflict });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.send(() => recordsApi.decide(programId, d.id, { version, ...verdict }), onSaved);
  };

  return (
    <ModalDialog title={t('decisions.form.decideTitle', { key: d.key })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <div className="form__context">
          <p className="form__statement">{d.statement}</p>
          {d.options && <p className="pre-line">{d.options}</p>}
          <p>{t('decisions.form.decideNote')}</p>
        </div>
        <VerdictFields formId={formId} value={verdict} onChange={setVerdict} errors={form.errors} />
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {t('decisions.form.recordDecision')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <span className="form__pending" role="status">
            {form.pending ? t('common.saving') : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
