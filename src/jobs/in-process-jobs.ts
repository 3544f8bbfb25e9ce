import type { AppDeps } from '../app/deps.js';
import type { JobDefinition, JobLog, Jobs } from './job.js';
import { nextSlotAfter, type Schedule, slotOf } from './schedule.js';

export interface InProcessOptions {
  /** The first look comes this long after start (at most the job's period), so that starting up is not slowed by it. */
  readonly firstRunAfterMs?: number;
}

/**
 * The scheduler of a single instance (SQLite: one process owns the database): each scheduled job
 * runs at start (after a moment) and then once per slot, one run at a time; a run still going when
 * its next slot starts makes that slot's run wait until it ends (runs are never stacked). A run that
 * fails is logged and the next slot tries again. Timers do not keep the process alive; stop() waits
 * for the running handlers.
 */
export function inProcessJobs(deps: AppDeps, jobs: readonly JobDefinition[], log: JobLog, opts: InProcessOptions = {}): Jobs {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  const wait = (job: JobDefinition, schedule: Schedule, ms: number) => {
    if (stopped) return;
    const t = setTimeout(() => tick(job, schedule), Math.max(0, ms));
    t.unref();
    timers.set(job.name, t);
  };

  let lastSlot = new Map<string, number>();
  const tick = (job: JobDefinition, schedule: Schedule) => {
    timers.delete(job.name);
    if (stopped) return;
    const now = deps.clock.now();
    const slot = slotOf(schedule, now);
    const untilNext = () => nextSlotAfter(schedule, deps.clock.now()).getTime() - deps.clock.now().getTime();
    // A timer may fire a moment early for the clock it is measured against: this slot was run already.
    if (lastSlot.get(job.name) === slot.getTime()) return wait(job, schedule, untilNext());
    lastSlot.set(job.name, slot.getTime());
    const run: Promise<void> = job
      .run({ deps, now, payload: { slot: slot.toISOString() } })
      .then(
        (result) => log.info({ job: job.name, slot: slot.toISOString() }, `${job.name}: ${job.summary(result)}`),
        (err: unknown) => log.warn({ err, job: job.name, slot: slot.toISOString() }, `${job.name} failed; trying again at its next slot`),
      )
      .finally(() => {
        running.delete(run);
        wait(job, schedule, untilNext());
      });
    running.add(run);
  };

  return {
    async start() {
      stopped = false;
      lastSlot = new Map();
      for (const job of jobs) {
        if (!job.schedule) continue;
        wait(job, job.schedule, Math.min(job.schedule.everyMs, opts.firstRunAfterMs ?? 5_000));
      }
    },
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.all([...running]);
    },
  };
}
