import { type RiskSweep, sweepGateRisks } from '../../app/notifications/sweep-gate-risks.js';
import type { JobDefinition } from '../job.js';
import { everyMs } from '../schedule.js';

/**
 * The gate readiness check (readiness moves with the date, not only with writes): every
 * `TOLLGATE_READINESS_SWEEP_MS` (0: only when asked, `tollgate sweep`). Idempotent: a gate's at-risk
 * notices are kept once per spell whoever finds them.
 */
export function readinessSweep(periodMs: number): JobDefinition<RiskSweep> {
  return {
    name: 'readiness-sweep',
    description: "checks every running gate's readiness; a gate newly at risk tells its owners once",
    schedule: periodMs > 0 ? everyMs(periodMs) : null,
    retryLimit: 2,
    run: ({ deps }) => sweepGateRisks(deps),
    summary: (r) => `${r.gates} gate${r.gates === 1 ? '' : 's'} checked, ${r.atRisk} at risk`,
  };
}
