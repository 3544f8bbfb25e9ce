import type { z } from 'zod';
import type { HealthReasonSchema, HealthSchema } from '../../../src/contract/common.js';

export type Health = z.infer<typeof HealthSchema>;
export type HealthReason = z.infer<typeof HealthReasonSchema>;

export const healthOrder: readonly Health[] = ['late', 'at_risk', 'on_track', 'done'];

/** Lower sorts first: what needs attention comes first. */
export const attentionRank = (h: Health): number => healthOrder.indexOf(h);

/**
 * Within one health level, bigger trouble first: overdue beats the rest, more days beats fewer, whatever
 * the reason counts days of (slip, breach, slack short, recent moves), as the server ranks a program's milestones.
 */
export const reasonSeverity = (r: HealthReason): number => (r.kind === 'overdue' ? 1000 + r.days : 'days' in r ? r.days : 0);

export const healthIcon: Record<Health, string> = {
  on_track: '●',
  at_risk: '▲',
  late: '■',
  done: '✓',
};
