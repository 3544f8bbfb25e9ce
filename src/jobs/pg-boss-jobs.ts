import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { AppDeps } from '../app/deps.js';
import { JobPayload } from '../contract/job.js';
import type { JobDefinition, JobLog, Jobs } from './job.js';
import { nextSlotAfter, type Schedule, slotKey, slotOf } from './schedule.js';

export interface PgBossOptions {
  /** The application's own PostgreSQL database; pg-boss keeps its tables in its own schema there. */
  readonly connectionString: string;
  /** pg-boss's schema (default `pgboss`). */
  readonly schema?: string;
  /** The first enqueue comes this long after start (at most the job's period). */
  readonly firstRunAfterMs?: number;
  /** How often an idle worker looks for a job (seconds; default 10). An instance that enqueues a job wakes its own worker at once. */
  readonly pollingIntervalSeconds?: number;
  /** Seconds before a failed run is tried again (default 30, doubling with each try). */
  readonly retryDelaySeconds?: number;
  /** How long stop() waits for running handlers before failing them back to the queue (TOLLGATE_SHUTDOWN_TIMEOUT_MS). */
  readonly stopTimeoutMs: number;
}

/**
 * A job id named by its slot (a name-based UUID of `job:slot`, as UUID v5 builds them): pg-boss inserts
 * a job with `ON CONFLICT DO NOTHING` on its primary key, so the second instance to enqueue a slot gets
 * no job, while the first one's is waiting, running, retried, done or failed.
 */
export function jobIdOf(key: string): string {
  const h = createHash('sha1').update(`tollgate-job:${key}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Creates a job's queue if it is missing. Two instances creating the same new queue at once can
 * deadlock in pg-boss (each attaches a partition to its job table); PostgreSQL ends one of them, and
 * its second try finds the queue made.
 */
async function createQueue(b: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await b.createQueue(name, { name, policy: 'standard' });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      // 40P01 deadlock detected, 23505 unique violation, 42P07 relation already exists: the other one won.
      if (attempt >= 5 || !['40P01', '23505', '42P07'].includes(String(code))) throw e;
    }
  }
}

/**
 * Jobs on PostgreSQL with pg-boss 10, in the same database: every instance both enqueues and works.
 * At each slot every instance enqueues that slot's job under the slot's id (and singleton key), and
 * the database keeps one: exactly one run per slot however many instances there are, without any of
 * them being elected. A handler that throws is retried by pg-boss (retryLimit, backoff) on whichever
 * instance fetches it; one still running when its instance stops is waited for, up to the stop timeout,
 * and then failed back to the queue for another instance to retry.
 *
 * A slot's job row must outlive the slot, or an instance enqueueing late would find no conflict: jobs
 * are archived (out of the table the key is checked in) only two periods after they finish, at least an
 * hour, and the archive is deleted after a day.
 *
 * pg-boss creates its schema at start under its own advisory lock (several instances starting at once
 * wait for one another); our migrations hold Kysely's migration lock and finish before the jobs start,
 * and neither waits for the other's lock while holding its own, so the two cannot deadlock.
 */
export function pgBossJobs(deps: AppDeps, jobs: readonly JobDefinition[], log: JobLog, opts: PgBossOptions): Jobs {
  const scheduled = jobs.filter((j): j is JobDefinition & { schedule: Schedule } => j.schedule !== null);
  const longestMs = Math.max(0, ...scheduled.map((j) => j.schedule.everyMs));
  const archiveSeconds = Math.max(3_600, Math.ceil((2 * longestMs) / 1000));
  const retryDelay = opts.retryDelaySeconds ?? 30;
  const timers = new Map<string, NodeJS.Timeout>();
  const enqueueing = new Set<Promise<void>>();
  let boss: PgBoss | null = null;
  let stopped = false;

  const sendOptions = (job: JobDefinition, key: string): PgBoss.SendOptions => ({
    id: jobIdOf(key),
    singletonKey: key,
    retryLimit: job.retryLimit,
    retryDelay,
    retryBackoff: true,
    // A run longer than this is taken for a crashed one and retried.
    expireInSeconds: 15 * 60,
  });

  const enqueue = async (b: PgBoss, job: JobDefinition, slot: Date, workerId: string) => {
    const key = slotKey(job.name, slot);
    const payload: JobPayload = { slot: slot.toISOString() };
    const id = await b.send(job.name, payload, sendOptions(job, key));
    log.debug({ job: job.name, slot: payload.slot, isEnqueued: id !== null }, id ? `${key} enqueued` : `${key} was enqueued already`);
    // Enqueued here: this instance's worker takes it now instead of at its next poll.
    if (id) b.notifyWorker(workerId);
  };

  const wait = (b: PgBoss, job: JobDefinition & { schedule: Schedule }, workerId: string, ms: number) => {
    if (stopped) return;
    const t = setTimeout(
      () => {
        timers.delete(job.name);
        if (stopped) return;
        const slot = slotOf(job.schedule, deps.clock.now());
        const p: Promise<void> = enqueue(b, job, slot, workerId)
          .catch((err: unknown) =>
            log.warn({ err, job: job.name, slot: slot.toISOString() }, `${job.name} could not be enqueued; trying at its next slot`),
          )
          .finally(() => {
            enqueueing.delete(p);
            const now = deps.clock.now();
            wait(b, job, workerId, nextSlotAfter(job.schedule, now).getTime() - now.getTime());
          });
        enqueueing.add(p);
      },
      Math.max(0, ms),
    );
    t.unref();
    timers.set(job.name, t);
  };

  const handle =
    (job: JobDefinition) =>
    async ([j]: PgBoss.JobWithMetadata<unknown>[]) => {
      if (!j) return;
      const parsed = JobPayload.safeParse(j.data);
      if (!parsed.success) {
        // Retrying cannot mend it: logged and done with.
        log.warn({ job: job.name, id: j.id, data: j.data }, `${job.name}: a job with an unreadable payload was skipped`);
        return;
      }
      const payload = parsed.data;
      try {
        const result = await job.run({ deps, now: deps.clock.now(), payload });
        log.info({ job: job.name, slot: payload.slot }, `${job.name}: ${job.summary(result)}`);
        return { summary: job.summary(result) };
      } catch (err) {
        const attempt = j.retryCount + 1;
        const more = j.retryCount < j.retryLimit;
        log.warn(
          { err, job: job.name, slot: payload.slot, attempt, attempts: j.retryLimit + 1 },
          more ? `${job.name} failed (try ${attempt} of ${j.retryLimit + 1}); it is tried again` : `${job.name} failed on its last try`,
        );
        throw err;
      }
    };

  return {
    async start() {
      stopped = false;
      const b = new PgBoss({
        connectionString: opts.connectionString,
        schema: opts.schema ?? 'pgboss',
        application_name: 'tollgate-jobs',
        // A few connections: the polls and the odd send are small.
        max: 3,
        // Our timers enqueue the slots; pg-boss's cron (and its clock-skew polling) stays off.
        schedule: false,
        supervise: true,
        maintenanceIntervalSeconds: 120,
        archiveCompletedAfterSeconds: archiveSeconds,
        archiveFailedAfterSeconds: archiveSeconds,
        deleteAfterDays: 1,
      });
      b.on('error', (err) => log.warn({ err }, 'the job queue (pg-boss) reported an error'));
      try {
        await b.start();
      } catch (e) {
        // pg-boss's stop() does nothing for an instance that never started, but its pool may be open.
        await (b.getDb() as { close?: () => Promise<void> }).close?.().catch(() => {});
        throw e;
      }
      boss = b;
      try {
        for (const job of jobs) {
          await createQueue(b, job.name);
          const workerId = await b.work(
            job.name,
            { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 },
            handle(job),
          );
          if (job.schedule) {
            wait(b, job as JobDefinition & { schedule: Schedule }, workerId, Math.min(job.schedule.everyMs, opts.firstRunAfterMs ?? 5_000));
          }
        }
      } catch (e) {
        await this.stop();
        throw e;
      }
    },
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.all([...enqueueing]);
      const b = boss;
      boss = null;
      // Graceful: a running handler finishes (up to the timeout; then its job is failed back to the queue and retried elsewhere).
      await b?.stop({ graceful: true, wait: true, close: true, timeout: Math.max(1_000, opts.stopTimeoutMs) });
    },
  };
}
