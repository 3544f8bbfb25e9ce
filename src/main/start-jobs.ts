import type { AppDeps } from '../app/deps.js';
import type { Config } from '../config/config.js';
import { inProcessJobs } from '../jobs/in-process-jobs.js';
import type { JobLog, Jobs } from '../jobs/job.js';
import { jobTable } from '../jobs/job-table.js';
import { pgBossJobs } from '../jobs/pg-boss-jobs.js';

/**
 * Starts the background jobs on the store's database: on SQLite (one instance owns the file) an
 * in-process scheduler; on PostgreSQL pg-boss in the same database, safe on every instance.
 */
export async function startJobs(
  deps: AppDeps,
  config: Pick<Config, 'databaseUrl' | 'readinessSweepMs' | 'shutdownTimeoutMs'>,
  log: JobLog,
): Promise<Jobs> {
  const jobs = jobTable(config);
  // Running handlers get half the shutdown's limit: the rest is the HTTP server's and the store's to close in.
  const stopTimeoutMs = config.shutdownTimeoutMs / 2;
  // pg-boss looks for work every 10 s; a readiness sweep set shorter (TOLLGATE_READINESS_SWEEP_MS) is looked for twice a slot.
  const pollingIntervalSeconds = Math.min(10, Math.max(0.5, config.readinessSweepMs / 2000));
  const started =
    deps.store.dialect === 'postgres' && config.databaseUrl
      ? pgBossJobs(deps, jobs, log, { connectionString: config.databaseUrl, stopTimeoutMs, pollingIntervalSeconds })
      : inProcessJobs(deps, jobs, log);
  await started.start();
  return started;
}
