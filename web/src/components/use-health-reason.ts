import { useTranslation } from 'react-i18next';
import { formatSigned } from '../lib/format.js';
import type { HealthReason } from '../lib/health.js';

export interface ReasonSubject {
  key: string;
  name: string;
}

/** Puts a health reason into one plain sentence (full) or a short phrase for a table cell. */
export function useHealthReason() {
  const { t } = useTranslation();
  const signedDays = (days: number) => t('plan.signedDays', { count: days, value: formatSigned(days) });

  /** "M-12 Pilot run sign-off is 6 business days behind its baseline (tolerance 3)". */
  const sentence = (reason: HealthReason, subject: ReasonSubject | null, milestoneCount = 1): string => {
    if (reason.kind === 'unavailable') return t('reason.unavailable');
    if (reason.kind === 'escalations_overdue') return t('reason.escalationsOverdue', { count: reason.count });
    if (subject === null) {
      if (milestoneCount === 0) return t('reason.program.empty');
      return reason.kind === 'done' ? t('reason.program.done') : t('reason.program.on_plan');
    }
    const s = t('reason.subject', { key: subject.key, name: subject.name });
    switch (reason.kind) {
      case 'done':
        return t('reason.done', { subject: s });
      case 'on_plan':
        return t('reason.on_plan', { subject: s });
      case 'slipped':
        return t('reason.slipped', { subject: s, count: reason.days });
      case 'breach':
        return t('reason.breach', { subject: s, count: reason.days, tolerance: reason.tolerance });
      case 'overdue':
        return t('reason.overdue', { subject: s, count: reason.days });
      case 'no_slack':
        return t('plan.reason.no_slack', { subject: s, count: reason.days });
      case 'slipping':
        return t('plan.reason.slipping', { subject: s, count: reason.moves, days: signedDays(reason.days) });
      case 'blocked':
        return t(reason.overdue ? 'plan.reason.blockedOverdue' : 'plan.reason.blocked', { subject: s, action: reason.actionKey });
      case 'gate_at_risk':
        return t('plan.reason.gateAtRisk', { subject: s, gate: reason.gateKey, count: reason.items });
    }
  };

  /** "6 business days behind baseline (tolerance 3)". */
  const phrase = (reason: HealthReason): string => {
    switch (reason.kind) {
      case 'done':
        return t('reason.short.done');
      case 'on_plan':
        return t('reason.short.on_plan');
      case 'slipped':
        return t('reason.short.slipped', { count: reason.days });
      case 'breach':
        return t('reason.short.breach', { count: reason.days, tolerance: reason.tolerance });
      case 'overdue':
        return t('reason.short.overdue', { count: reason.days });
      case 'no_slack':
        return t('plan.reason.short.no_slack', { count: reason.days });
      case 'slipping':
        return t('plan.reason.short.slipping', { count: reason.moves, days: signedDays(reason.days) });
      case 'blocked':
        return t(reason.overdue ? 'plan.reason.short.blockedOverdue' : 'plan.reason.short.blocked', { action: reason.actionKey });
      case 'gate_at_risk':
        return t('plan.reason.short.gateAtRisk', { gate: reason.gateKey, count: reason.items });
      case 'escalations_overdue':
        return t('reason.short.escalationsOverdue', { count: reason.count });
      case 'unavailable':
        return t('reason.short.unavailable');
    }
  };

  return { sentence, phrase };
}
