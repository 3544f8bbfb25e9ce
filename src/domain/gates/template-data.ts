import type { ChecklistItemTemplate, EscalationDefaults, ItemOwnerRole, MilestoneTemplate } from './template.js';

/** A checklist item of a shipped template; required unless said otherwise. */
export const item = (
  key: string,
  title: string,
  ownerRole: ItemOwnerRole,
  dueOffsetDays: number,
  description: string,
  isRequired = true,
): ChecklistItemTemplate => ({ key, title, description, isRequired, ownerRole, dueOffsetDays });

/** A milestone of a shipped template, after its predecessors by [key, lag in business days]. */
export const milestone = (
  key: string,
  name: string,
  gateKey: string,
  after: readonly [string, number][],
  isCritical = false,
): MilestoneTemplate => ({
  key,
  name,
  gateKey,
  predecessors: after.map(([milestoneKey, lagDays]) => ({ milestoneKey, lagDays })),
  isCritical,
});

/** The escalation defaults both shipped templates start from. */
export const escalation: EscalationDefaults = { responseDays: 2, forecastSlipDays: 5, riskScoreAtLeast: 15 };
