import { useTranslation } from 'react-i18next';
import type { RowButton } from '../records/row-buttons.js';
import type { EscalationRights } from './escalation-rights.js';
import type { Escalation } from './escalations-api.js';

export type EscalationAction = 'acknowledge' | 'resolve' | 'reassign';

/** Acknowledge, Resolve and Reassign, as the person's rights allow. */
export function useEscalationButtons() {
  const { t } = useTranslation();
  return (e: Escalation, rights: EscalationRights): RowButton<EscalationAction>[] => {
    const key = e.key;
    const out: RowButton<EscalationAction>[] = [];
    if (rights.acknowledge)
      out.push({ action: 'acknowledge', text: t('escalations.acknowledge'), label: t('escalations.acknowledgeLabel', { key }) });
    if (rights.resolve) out.push({ action: 'resolve', text: t('escalations.resolve'), label: t('escalations.resolveLabel', { key }) });
    if (rights.reassign) out.push({ action: 'reassign', text: t('escalations.reassign'), label: t('escalations.reassignLabel', { key }) });
    return out;
  };
}
