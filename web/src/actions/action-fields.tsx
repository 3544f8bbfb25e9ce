import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../src/contract/common.js';
import { actionSeverities } from '../../../src/domain/action.js';
import { DateField } from '../forms/date-field.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import type { ProgramPerson } from '../lib/api.js';
import { formatPlainDate } from '../lib/format.js';
import { useMilestones } from '../lib/queries.js';
import type { Action } from '../lib/records-api.js';
import { PersonSelect } from '../records/person-select.js';

/** The catalogue's words for an action's fields left empty. */
export function useActionRequired() {
  const { t } = useTranslation();
  return {
    title: t('actions.form.required.title'),
    ownerId: t('actions.form.required.owner'),
    dueDate: t('actions.form.required.dueDate'),
    reason: t('actions.form.required.dueReason'),
  };
}

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  /** The action being re-planned; a new one when absent. */
  action?: Action | undefined;
  /** Between the due date and the severity: the reason a re-plan gives. */
  reason?: ReactNode;
}

/** What must be done, by whom and when, how severe, when to check it held, and which milestone it blocks. */
export function ActionFields({ programId, people, action: a, reason }: Props) {
  const { t } = useTranslation();
  const milestones = useMilestones(programId).data?.items.filter((m) => m.actualDate === null || m.id === a?.blocks?.id);
  const owner: PersonRef | null | undefined = a?.owner;
  return (
    <>
      <TextField name="title" label={t('actions.form.title')} hint={t('actions.form.titleHint')} isRequired />
      <TextField name="description" label={t('actions.form.description')} rows={2} />
      <div className="form__pair">
        <PersonSelect name="ownerId" label={t('actions.form.owner')} people={people} ownerAction="action.done" current={owner} isRequired />
        <DateField
          name="dueDate"
          label={t('actions.form.dueDate')}
          isRequired
          hint={a?.originalDueDate ? t('actions.form.firstPromised', { date: formatPlainDate(a.originalDueDate) }) : undefined}
        />
      </div>
      {reason}
      <div className="form__pair">
        <SelectField name="severity" label={t('actions.form.severity')}>
          <ChoiceOptions choices={actionSeverities} labelOf={(s) => t(`actions.severity.${s}`)} />
        </SelectField>
        <DateField name="checkDate" label={t('actions.form.checkDate')} hint={t('actions.form.checkDateHint')} />
      </div>
      <SelectField name="blocksMilestoneId" label={t('actions.form.blocks')} hint={t('actions.form.blocksHint')}>
        <option value="">{t('actions.form.blocksNone')}</option>
        {milestones?.map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.key} ${m.name}`}
          </option>
        ))}
      </SelectField>
    </>
  );
}
