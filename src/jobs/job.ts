import type { AppDeps } from '../app/deps.js';
import type { JobPayload } from '../contract/job.js';
import type { Schedule } from './schedule.js';

/** What a job's run is given: the app's dependencies, the instant it runs at (the clock port's) and its slot. */
export interface JobRun {
  readonly deps: AppDeps;
  readonly now: Date;
  readonly payload: JobPayload;
}

/**
 * One kind of background work: a name (also its pg-boss queue), a schedule (null: never on its own,
 * only `tollgate sweep`), and a handler that calls one idempotent use case, so that running a slot
 * twice (a retry after a crash) changes nothing the first run did not.
 */
export interface JobDefinition<R = unknown> {
  /** Lower-case words joined by hyphens (a queue name on PostgreSQL). */
  readonly name: string;
  readonly description: string;
  readonly schedule: Schedule | null;
  /** Tries after the first one when the handler throws (pg-boss retries; the in-process scheduler waits for the next slot). */
  readonly retryLimit: number;
  run(r: JobRun): Promise<R>;
  /** What a run did, one line for logs and `tollgate sweep`. */
  summary(result: R): string;
}

/** Where the jobs write what they did and what failed (pino's logger fits). */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** The scheduled jobs of one instance: started once, stopped with the server (waiting for a running handler). */
export interface Jobs {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** One run's report: which job, for which slot, at which instant, and what it did. */
export interface JobReport {
  readonly job: string;
  readonly slot: string;
  readonly at: string;
  readonly result: unknown;
  readonly summary: string;
}

/**
 * Runs a job's handler once, in this process, at the clock's now (its slot: now itself). For
 * `tollgate sweep` and tests; it does not go through the queue, so it is not deduplicated.
 */
export async function runJobNow(deps: AppDeps, job: JobDefinition): Promise<JobReport> {
  const now = deps.clock.now();
  const slot = now.toISOString();
  const result = await job.run({ deps, now, payload: { slot } });
  return { job: job.name, slot, at: now.toISOString(), result, summary: job.summary(result) };
}

/** Names must be usable as queue names and unique within the table. */
export function checkJobTable(jobs: readonly JobDefinition[]): void {
  const seen = new Set<string>();
  for (const j of jobs) {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(j.name))
      throw new Error(`Job name ${JSON.stringify(j.name)}: lower-case words joined by hyphens`);
    if (seen.has(j.name)) throw new Error(`Job ${j.name} is in the table twice`);
    seen.add(j.name);
  }
}
