import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { type Decision, recordsApi, type SupersedeBody, type Superseded } from '../lib/records-api.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';
import { emptyVerdict, type Verdict, VerdictFields } from './verdict-fields.js';

interface Props {
  programId: string;
  decision: Decision;
  onClose: () => void;
  onSaved: (s: Superseded) => void;
}

const fields = ['reason', 'statement', 'outcome', 'rationale', 'expectedImpact'] as const;

/** Changing course: a new decision, with a reason, replaces a decided one; the old one stays as it was. */
export function SupersedeDialog({ programId, decision: d, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(d.version);
  const [reason, setReason] = useState('');
  const [statement, setStatement] = useState(d.statement);
  const [verdict, setVerdict] = useState<Verdict>(emptyVerdict);
  const form = useRecordForm({ programId, formId, fields, subject: d, onConflict });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: SupersedeBody = { version, reason, ...verdict };
    if (statement.trim() !== d.statement) body.statement = statement;
    void form.send(() => recordsApi.supersede(programId, d.id, body), onSaved);
  };

  return (
    <ModalDialog title={t('decisions.form.supersedeTitle', { key: d.key })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <div className="form__context">
          <p>{t('decisions.form.supersedeNote', { key: d.key, outcome: d.outcome ?? '' })}</p>
        </div>
        <TextField
          formId={formId}
          name="reason"
          label={t('decisions.form.reason')}
          hint={t('decisions.form.reasonHint')}
          error={form.errors.reason}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={2000}
          isRequired
        />
        <TextField
          formId={formId}
          name="statement"
          label={t('decisions.form.statement')}
          hint={t('decisions.form.newStatementHint')}
          error={form.errors.statement}
          value={statement}
          onChange={setStatement}
          maxLength={500}
        />
        <VerdictFields formId={formId} value={verdict} onChange={setVerdict} errors={form.errors} />
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {t('decisions.form.recordSupersede')}
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
