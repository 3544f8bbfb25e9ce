import { useTranslation } from 'react-i18next';
import type { Notification } from './notifications-api.js';

/** A notice in words, from the catalogue: what happened, naming the gate, item or action by key. */
export function useNoticeText(): (n: Notification) => string {
  const { t } = useTranslation();
  const status = (s: string) => t(`notifications.gateStatus.${s}`, { defaultValue: s });
  return (n) => {
    switch (n.kind) {
      case 'gate_status_changed':
        return t('notifications.kind.gate_status_changed', {
          gate: `${n.facts.gateKey} ${n.facts.gateName}`,
          from: status(n.facts.fromStatus),
          to: status(n.facts.toStatus),
        });
      case 'evidence_awaits_review':
        return t('notifications.kind.evidence_awaits_review', { item: `${n.facts.itemKey} ${n.facts.itemTitle}`, gate: n.facts.gateKey });
      case 'evidence_rejected':
        return t('notifications.kind.evidence_rejected', {
          item: `${n.facts.itemKey} ${n.facts.itemTitle}`,
          gate: n.facts.gateKey,
          comment: n.facts.comment,
        });
      case 'gate_at_risk':
        return t('notifications.kind.gate_at_risk', {
          gate: `${n.facts.gateKey} ${n.facts.gateName}`,
          items: [
            ...n.facts.items.map((i) => i.key),
            ...(n.facts.moreItems > 0 ? [t('notifications.moreItems', { count: n.facts.moreItems })] : []),
          ].join(', '),
          count: n.facts.items.length + n.facts.moreItems,
        });
      case 'intake_submitted':
        return t('notifications.kind.intake_submitted', { client: n.facts.clientName, program: n.facts.programName });
      case 'action_assigned':
        return t('notifications.kind.action_assigned', { action: `${n.facts.actionKey} ${n.facts.title}` });
      case 'escalation_raised':
      case 'escalation_climbed':
        return t(`notifications.kind.${n.kind}`, {
          escalation: `${n.facts.escalationKey} ${n.facts.subjectTitle}`,
          owner: n.facts.ownerName,
          level: n.facts.level,
        });
      case 'update_requested':
        return t('notifications.kind.update_requested', {
          week: n.facts.week,
          items: [
            ...n.facts.items.map((i) => i.key),
            ...(n.facts.moreItems > 0 ? [t('notifications.moreItems', { count: n.facts.moreItems })] : []),
          ].join(', '),
        });
    }
  };
}
