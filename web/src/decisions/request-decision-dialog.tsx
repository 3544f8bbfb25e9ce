import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import type { ProgramPerson } from '../lib/api.js';
import { toPlainDate } from '../lib/plain-date.js';
import { type Decision, type EditDecisionBody, type RequestDecisionBody, recordsApi } from '../lib/records-api.js';
import { DateField } from '../records/date-field.js';
import { PersonSelect } from '../records/person-select.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';
import { MilestoneLinksField } from './milestone-links-field.js';

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  /** The open decision to edit; a new request when absent. */
  decision?: Decision | undefined;
  onClose: () => void;
  onSaved: (d: Decision) => void;
}

const fields = ['statement', 'context', 'options', 'ownerId', 'dueDate', 'links'] as const;

/** Ask for a decision (statement, context, options, who decides, by when, what it bears on), or reword an open one. */
export function RequestDecisionDialog({ programId, people, decision: d, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const { version, onConflict } = useVersion(d?.version ?? 1);
  const [statement, setStatement] = useState(d?.statement ?? '');
  const [context, setContext] = useState(d?.context ?? '');
  const [options, setOptions] = useState(d?.options ?? '');
  const [ownerId, setOwnerId] = useState(d?.owner?.id ?? '');
  const [dueDate, setDueDate] = useState<string>(d?.dueDate ?? '');
  const [links, setLinks] = useState<string[]>([]);
  const form = useRecordForm({ programId, formId, fields, subject: d, onConflict });
  const err = form.errors;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const due = toPlainDate(dueDate);
    if (dueDate && !due) return form.fail({ dueDate: t('records.invalidDate') });
    if (!d) {
      const body: RequestDecisionBody = { statement, context, options, ownerId: ownerId || null, dueDate: due };
      if (links.length > 0) body.links = links.map((id) => ({ entity: 'milestone', id }));
      void form.send(() => recordsApi.requestDecision(programId, body), onSaved);
      return;
    }
    const body: EditDecisionBody = { version };
    if (statement.trim() !== d.statement) body.statement = statement;
    if (context.trim() !== d.context) body.context = context;
    if (options.trim() !== d.options) body.options = options;
    if (ownerId !== (d.owner?.id ?? '')) body.ownerId = ownerId;
    if (due !== d.dueDate) body.dueDate = due;
    if (Object.keys(body).length === 1) return form.fail({}, t('form.nothingChanged'));
    void form.send(() => recordsApi.editDecision(programId, d.id, body), onSaved);
  };

  return (
    <ModalDialog title={d ? t('decisions.form.editTitle', { key: d.key }) : t('decisions.form.requestTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <TextField
          formId={formId}
          name="statement"
          label={t('decisions.form.statement')}
          hint={t('decisions.form.statementHint')}
          error={err.statement}
          value={statement}
          onChange={setStatement}
          maxLength={500}
          isRequired
        />
        <TextField
          formId={formId}
          name="context"
          label={t('decisions.form.context')}
          hint={t('decisions.form.contextHint')}
          error={err.context}
          value={context}
          onChange={setContext}
          rows={3}
          maxLength={5000}
        />
        <TextField
          formId={formId}
          name="options"
          label={t('decisions.form.options')}
          hint={t('decisions.form.optionsHint')}
          error={err.options}
          value={options}
          onChange={setOptions}
          rows={3}
          maxLength={5000}
        />
        <div className="form__pair">
          <PersonSelect
            id={`${formId}-ownerId`}
            name="ownerId"
            label={t('decisions.form.owner')}
            hint={t('decisions.form.ownerHint')}
            people={people}
            ownerAction="decision.decide"
            value={ownerId}
            onChange={setOwnerId}
            error={err.ownerId}
            current={d?.owner}
          />
          <DateField
            formId={formId}
            name="dueDate"
            label={t('decisions.form.dueDate')}
            hint={t('decisions.form.dueDateHint')}
            error={err.dueDate}
            value={dueDate}
            onChange={setDueDate}
          />
        </div>
        {!d && <MilestoneLinksField programId={programId} value={links} onChange={setLinks} error={err.links} />}
        <FormButtons pending={form.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
