import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionSeverities } from '../../../src/domain/action.js';
import { Field } from '../components/field.js';
import { FormButtons } from '../components/form-buttons.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import type { FieldErrors } from '../components/use-form.js';
import type { ProgramPerson } from '../lib/api.js';
import { formatPlainDate } from '../lib/format.js';
import { toPlainDate } from '../lib/plain-date.js';
import { useMilestones } from '../lib/queries.js';
import { type Action, type EditActionBody, type OpenActionBody, recordsApi } from '../lib/records-api.js';
import { ChoiceSelect } from '../records/choice-select.js';
import { DateField } from '../records/date-field.js';
import { PersonSelect } from '../records/person-select.js';
import { TextField } from '../records/text-field.js';
import { useRecordForm, useVersion } from '../records/use-record-form.js';

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  /** The open action to edit (re-plan); a new action when absent. */
  action?: Action | undefined;
  onClose: () => void;
  onSaved: (a: Action) => void;
}

const fields = ['title', 'description', 'ownerId', 'dueDate', 'severity', 'blocksMilestoneId', 'checkDate', 'reason'] as const;

/** Open an action (what, who, by when, how severe, which milestone it blocks), or re-plan an open one. */
export function OpenActionDialog({ programId, people, action: a, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const milestones = useMilestones(programId).data?.items.filter((m) => m.actualDate === null || m.id === a?.blocks?.id);
  const { version, onConflict } = useVersion(a?.version ?? 1);
  const [title, setTitle] = useState(a?.title ?? '');
  const [description, setDescription] = useState(a?.description ?? '');
  const [ownerId, setOwnerId] = useState(a?.owner?.id ?? '');
  const [dueDate, setDueDate] = useState<string>(a?.dueDate ?? '');
  const [severity, setSeverity] = useState<Action['severity']>(a?.severity ?? 'medium');
  const [blocks, setBlocks] = useState(a?.blocks?.id ?? '');
  const [checkDate, setCheckDate] = useState<string>(a?.checkDate ?? '');
  const [reason, setReason] = useState('');
  const form = useRecordForm({ programId, formId, fields, subject: a, onConflict });
  const err = form.errors;
  const dueMoves = a !== undefined && (toPlainDate(dueDate) ?? null) !== a.dueDate;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    const due = toPlainDate(dueDate);
    const check = toPlainDate(checkDate);
    if (dueDate && !due) errors.dueDate = t('records.invalidDate');
    if (checkDate && !check) errors.checkDate = t('records.invalidDate');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    if (!a) {
      const body: OpenActionBody = {
        title,
        description,
        ownerId: ownerId || null,
        dueDate: due,
        severity,
        blocksMilestoneId: blocks || null,
        checkDate: check,
      };
      void form.send(() => recordsApi.openAction(programId, body), onSaved);
      return;
    }
    const body: EditActionBody = { version };
    if (title.trim() !== a.title) body.title = title;
    if (description.trim() !== a.description) body.description = description;
    if (ownerId && ownerId !== a.owner?.id) body.ownerId = ownerId;
    if (due !== a.dueDate) body.dueDate = due;
    if (severity !== a.severity) body.severity = severity;
    if ((blocks || null) !== (a.blocks?.id ?? null)) body.blocksMilestoneId = blocks || null;
    if (check !== a.checkDate) body.checkDate = check;
    if (Object.keys(body).length === 1) return form.fail({}, t('form.nothingChanged'));
    if (reason.trim()) body.reason = reason;
    void form.send(() => recordsApi.editAction(programId, a.id, body), onSaved);
  };

  return (
    <ModalDialog title={a ? t('actions.form.editTitle', { key: a.key }) : t('actions.form.openTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <TextField
          formId={formId}
          name="title"
          label={t('actions.form.title')}
          hint={t('actions.form.titleHint')}
          error={err.title}
          value={title}
          onChange={setTitle}
          maxLength={300}
          isRequired
        />
        <TextField
          formId={formId}
          name="description"
          label={t('actions.form.description')}
          error={err.description}
          value={description}
          onChange={setDescription}
          rows={2}
          maxLength={5000}
        />
        <div className="form__pair">
          <PersonSelect
            id={`${formId}-ownerId`}
            name="ownerId"
            label={t('actions.form.owner')}
            people={people}
            ownerAction="action.done"
            value={ownerId}
            onChange={setOwnerId}
            error={err.ownerId}
            current={a?.owner}
          />
          <DateField
            formId={formId}
            name="dueDate"
            label={t('actions.form.dueDate')}
            hint={a?.originalDueDate ? t('actions.form.firstPromised', { date: formatPlainDate(a.originalDueDate) }) : undefined}
            error={err.dueDate}
            value={dueDate}
            onChange={setDueDate}
          />
        </div>
        {a && (
          <TextField
            formId={formId}
            name="reason"
            label={t('actions.form.reason')}
            hint={dueMoves ? t('actions.form.reasonNeeded') : t('actions.form.reasonHint')}
            error={err.reason}
            value={reason}
            onChange={setReason}
            rows={2}
            maxLength={2000}
            isRequired={dueMoves}
          />
        )}
        <div className="form__pair">
          <ChoiceSelect
            formId={formId}
            name="severity"
            label={t('actions.form.severity')}
            choices={actionSeverities}
            labelOf={(s) => t(`actions.severity.${s}`)}
            value={severity}
            onChange={setSeverity}
            error={err.severity}
          />
          <DateField
            formId={formId}
            name="checkDate"
            label={t('actions.form.checkDate')}
            hint={t('actions.form.checkDateHint')}
            error={err.checkDate}
            value={checkDate}
            onChange={setCheckDate}
          />
        </div>
        <Field
          id={`${formId}-blocksMilestoneId`}
          name="blocksMilestoneId"
          label={t('actions.form.blocks')}
          hint={t('actions.form.blocksHint')}
          error={err.blocksMilestoneId}
        >
          {(c) => (
            <select {...c} value={blocks} onChange={(e) => setBlocks(e.target.value)}>
              <option value="">{t('actions.form.blocksNone')}</option>
              {milestones?.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.key} ${m.name}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormButtons pending={form.pending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
