import { useTranslation } from 'react-i18next';
import type { Action } from '../lib/records-api.js';
import type { RowButton } from '../records/row-buttons.js';
import type { ActionRights } from './action-rights.js';

export type ActionAction = 'done' | 'confirm' | 'reopen' | 'check' | 'edit';

/** Mark done, Confirm closure, Reopen, Check effectiveness and Edit, as the person's rights allow. */
export function useActionButtons() {
  const { t } = useTranslation();
  return (a: Action, rights: ActionRights): RowButton<ActionAction>[] => {
    const key = a.key;
    const out: RowButton<ActionAction>[] = [];
    if (rights.done) out.push({ action: 'done', text: t('actions.markDone'), label: t('actions.markDoneLabel', { key }) });
    if (rights.confirm) out.push({ action: 'confirm', text: t('actions.confirm'), label: t('actions.confirmLabel', { key }) });
    if (rights.isOwnClosure) {
      const why = t('actions.ownClosure');
      out.push({ action: 'confirm', text: t('actions.confirm'), label: t('actions.confirmLabel', { key }), disabledBecause: why });
    }
    if (rights.reopen) out.push({ action: 'reopen', text: t('actions.reopen'), label: t('actions.reopenLabel', { key }) });
    if (rights.check) out.push({ action: 'check', text: t('actions.checkEffect'), label: t('actions.checkLabel', { key }) });
    if (rights.edit) out.push({ action: 'edit', text: t('actions.edit'), label: t('actions.editLabel', { key }) });
    return out;
  };
}
