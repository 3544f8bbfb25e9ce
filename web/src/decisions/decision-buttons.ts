import { useTranslation } from 'react-i18next';
import type { Decision } from '../lib/records-api.js';
import type { RowButton } from '../records/row-buttons.js';
import type { DecisionRights } from './decision-rights.js';

export type DecisionAction = 'decide' | 'supersede' | 'edit';

/** Decide, Supersede and Edit, as the person's rights on the decision allow. */
export function useDecisionButtons() {
  const { t } = useTranslation();
  return (d: Decision, rights: DecisionRights): RowButton<DecisionAction>[] => {
    const key = d.key;
    const out: RowButton<DecisionAction>[] = [];
    if (rights.decide) out.push({ action: 'decide', text: t('decisions.decide'), label: t('decisions.decideLabel', { key }) });
    if (rights.supersede) out.push({ action: 'supersede', text: t('decisions.supersede'), label: t('decisions.supersedeLabel', { key }) });
    if (rights.edit) out.push({ action: 'edit', text: t('decisions.edit'), label: t('decisions.editLabel', { key }) });
    return out;
  };
}
