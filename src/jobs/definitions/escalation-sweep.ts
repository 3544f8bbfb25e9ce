import { type SweepReport, sweepEscalations } from '../../app/escalations/sweep-escalations.js';
import type { JobDefinition } from '../job.js';
import { everyMinutesOnTheClock } from '../schedule.js';

/**
 * The escalation sweep: time-based triggers (a milestone missed, an action or decision overdue, a sample
 * not arrived, a risk scoring high, a gate at risk, a forecast slip) and deadlines passed, every 15 minutes
 * on the UTC clock — every zone's offset is a multiple of 15 minutes, so each program's start of business
 * day is a slot. Idempotent: one open escalation per condition (a unique key), once per spell.
 */
export const escalationSweep: JobDefinition<SweepReport> = {
  name: 'escalation-sweep',
  description: 'raises escalations for time-based triggers and climbs or expires those past their deadline',
  schedule: everyMinutesOnTheClock(15),
  retryLimit: 2,
  run: ({ deps }) => sweepEscalations(deps),
  summary: (r) =>
    `${r.programs} program${r.programs === 1 ? '' : 's'} swept: ${r.raised} raised, ${r.climbed} climbed, ${r.expired} expired${r.unowned > 0 ? `, ${r.unowned} without an owner` : ''}`,
};
