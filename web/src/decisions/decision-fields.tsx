import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../src/contract/common.js';
import { DateField } from '../forms/date-field.js';
import { TextField } from '../forms/text-field.js';
import type { ProgramPerson } from '../lib/api.js';
import { PersonSelect } from '../records/person-select.js';

/** The catalogue's words for a decision's fields left empty. */
export function useDecisionRequired() {
  const { t } = useTranslation();
  return {
    statement: t('decisions.form.required.statement'),
    ownerId: t('decisions.form.required.owner'),
    dueDate: t('decisions.form.required.dueDate'),
  };
}

/** What must be decided, with its context and options, who decides and by when. */
export function DecisionFields({ people, current }: { people: readonly ProgramPerson[]; current?: PersonRef | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="statement" label={t('decisions.form.statement')} hint={t('decisions.form.statementHint')} isRequired />
      <TextField name="context" label={t('decisions.form.context')} hint={t('decisions.form.contextHint')} rows={3} />
      <TextField name="options" label={t('decisions.form.options')} hint={t('decisions.form.optionsHint')} rows={3} />
      <div className="form__pair">
        <PersonSelect
          name="ownerId"
          label={t('decisions.form.owner')}
          hint={t('decisions.form.ownerHint')}
          people={people}
          ownerAction="decision.decide"
          current={current}
          isRequired
        />
        <DateField name="dueDate" label={t('decisions.form.dueDate')} hint={t('decisions.form.dueDateHint')} isRequired />
      </div>
    </>
  );
}
