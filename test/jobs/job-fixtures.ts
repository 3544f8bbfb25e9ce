import type { AppDeps } from '../../src/app/deps.js';
import { loadConfig } from '../../src/config/config.js';
import type { JobDefinition, JobLog } from '../../src/jobs/job.js';
import type { Schedule } from '../../src/jobs/schedule.js';
import { compose } from '../../src/main/compose.js';
import type { TestDatabase } from '../support/databases.js';

/** A clock the test sets; it stands still unless told to run on. */
export function testClock(start: string) {
  let at = Date.parse(start);
  let running = false;
  let since = Date.now();
  return {
    now: () => new Date(running ? at + (Date.now() - since) : at),
    set(iso: string) {
      at = Date.parse(iso);
      since = Date.now();
    },
    /** From now on it runs at the machine's pace from where it stands. */
    run() {
      at = this.now().getTime();
      since = Date.now();
      running = true;
    },
  };
}

/** A log the test reads: every line with its level. */
export function memoryLog(): JobLog & { readonly lines: { level: string; obj: object; msg: string }[] } {
  const lines: { level: string; obj: object; msg: string }[] = [];
  return {
    lines,
    info: (obj, msg) => void lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void lines.push({ level: 'warn', obj, msg }),
    debug: (obj, msg) => void lines.push({ level: 'debug', obj, msg }),
  };
}

/** Opens and migrates the test database with the given clock; close() closes its store. */
export async function depsOn(db: TestDatabase, clock: { now(): Date }): Promise<{ deps: AppDeps; close(): Promise<void> }> {
  const c = await compose(loadConfig({ DATABASE_URL: db.databaseUrl ?? '', TOLLGATE_DATA_DIR: db.dataDir }), { connections: 2 });
  return { deps: { ...c.deps, clock }, close: c.close };
}

/** A gate that a test opens: `wait()` resolves once `open()` is called. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { wait: () => opened, open: () => open() };
}

/** A job that records every run (slot and instant) and runs `body` for it. */
export function countingJob(
  name: string,
  schedule: Schedule | null,
  body: (slot: string) => Promise<void> = async () => {},
  retryLimit = 2,
): JobDefinition<{ slot: string }> & { readonly runs: { slot: string; at: Date }[] } {
  const runs: { slot: string; at: Date }[] = [];
  return {
    name,
    description: `counts its runs (${name})`,
    schedule,
    retryLimit,
    runs,
    run: async ({ now, payload }) => {
      runs.push({ slot: payload.slot, at: now });
      await body(payload.slot);
      return { slot: payload.slot };
    },
    summary: (r) => `ran for ${r.slot}`,
  };
}
