import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionSeverities } from '../../../src/domain/action.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import type { ProgramPerson } from '../lib/api.js';
import { toPlainDate } from '../lib/plain-date.js';
import { type Action, type RealizeRiskBody, type Risk, recordsApi } from '../lib/records-api.js';
import { ChoiceSelect } from '../records/choice-select.js';
import { DateField } from '../records/date-field.js';
import { PersonSelect } from '../records/person-select.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';

type Severity = Action['severity'];

interface Props {
  programId: string;
  risk: Risk;
  /** Close: the risk has passed. Realize: it happened, and an action is opened to respond. */
  kind: 'close' | 'realize';
  people: readonly ProgramPerson[];
  onClose: () => void;
  onSaved: (r: Risk, action: Action | null) => void;
}

const fields = ['reason', 'action.title', 'action.ownerId', 'action.dueDate', 'action.severity'] as const;

/** Ends a risk with a reason; realizing it also opens the action that responds to it. */
export function EndRiskDialog({ programId, risk: r, kind, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(r.version);
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(r.owner?.id ?? '');
  const [dueDate, setDueDate] = useState('');
  const [severity, setSeverity] = useState<Severity>('high');
  const form = useRecordForm({ programId, formId, fields, subject: r, onConflict });
  const err = form.errors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'close') {
      void form.send(
        () => recordsApi.closeRisk(programId, r.id, { version, reason }),
        (saved) => onSaved(saved, null),
      );
      return;
    }
    const due = toPlainDate(dueDate);
    if (dueDate && !due) return form.fail({ 'action.dueDate': t('records.invalidDate') });
    const action: NonNullable<RealizeRiskBody['action']> = { severity, dueDate: due };
    if (title.trim()) action.title = title;
    if (ownerId) action.ownerId = ownerId;
    void form.send(
      () => recordsApi.realizeRisk(programId, r.id, { version, reason, action }),
      (saved) => onSaved(saved.risk, saved.action),
    );
  };

  return (
    <ModalDialog title={t(`risks.form.${kind}Title`, { key: r.key, title: r.title })} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <p className="form__context">{t(`risks.form.${kind}Note`)}</p>
        <TextField
          formId={formId}
          name="reason"
          label={kind === 'close' ? t('risks.form.closeReason') : t('risks.form.realizeReason')}
          error={err.reason}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={2000}
          isRequired
        />
        {kind === 'realize' && (
          <fieldset className="fieldset">
            <legend>{t('risks.form.responseAction')}</legend>
            <TextField
              formId={formId}
              name="action.title"
              label={t('risks.form.actionTitle')}
              hint={t('risks.form.actionTitleHint', { title: r.title })}
              error={err['action.title']}
              value={title}
              onChange={setTitle}
              maxLength={300}
            />
            <div className="form__pair">
              <PersonSelect
                id={`${formId}-action.ownerId`}
                name="action.ownerId"
                label={t('risks.form.actionOwner')}
                people={people}
                ownerAction="action.done"
                value={ownerId}
                onChange={setOwnerId}
                error={err['action.ownerId']}
                current={r.owner}
              />
              <DateField
                formId={formId}
                name="action.dueDate"
                label={t('risks.form.actionDue')}
                error={err['action.dueDate']}
                value={dueDate}
                onChange={setDueDate}
              />
            </div>
            <ChoiceSelect
              formId={formId}
              name="action.severity"
              label={t('actions.form.severity')}
              choices={actionSeverities}
              labelOf={(s) => t(`actions.severity.${s}`)}
              value={severity}
              onChange={setSeverity}
              error={err['action.severity']}
            />
          </fieldset>
        )}
        <div className="form__buttons">
          <button
            type="submit"
            className={kind === 'realize' ? 'button button--danger' : 'button button--primary'}
            aria-disabled={form.pending || undefined}
          >
            {t(`risks.form.${kind}Submit`)}
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
