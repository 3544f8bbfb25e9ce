import type { AppDeps } from '../app/deps.js';
import { type RiskSweep, sweepGateRisks } from '../app/notifications/sweep-gate-risks.js';

/**
 * Checks every gate's readiness now and then every `everyMs` (readiness moves with the date, not only
 * with writes), one sweep at a time; safe with several instances on one database (the sweep's notices
 * are kept once per spell whoever finds them). 0 never sweeps.
 */
export function startReadinessSweeper(
  deps: AppDeps,
  everyMs: number,
  onSwept: (r: RiskSweep) => void,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  if (everyMs === 0) return { stop: async () => {} };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    timer = null;
    running = sweepGateRisks(deps)
      .then(onSwept, onError)
      .finally(() => {
        running = null;
        if (!stopped) {
          timer = setTimeout(run, everyMs);
          timer.unref();
        }
      });
  };
  // The first sweep waits a moment, so that starting up is not slowed by it.
  timer = setTimeout(run, Math.min(everyMs, 5_000));
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
