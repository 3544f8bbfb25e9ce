import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.js';
import { inProcessJobs } from '../../src/jobs/in-process-jobs.js';
import { everyMs } from '../../src/jobs/schedule.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { countingJob, depsOn, gate, memoryLog, testClock } from './job-fixtures.js';

// The single-instance scheduler (SQLite) on a real database file, with a clock running on from a fixed instant.
describe('jobs on SQLite: the in-process scheduler', () => {
  let db: TestDatabase;
  let deps: AppDeps;
  let close: () => Promise<void>;
  const clock = testClock('2026-12-06T16:44:59.000Z');
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    ({ deps, close } = await depsOn(db, clock));
    clock.run();
  });
  afterAll(async () => {
    await close?.();
    await db?.drop();
  });

  it('runs a job at start and then once per slot of its schedule, each run given its slot', async () => {
    const job = countingJob('every-fifth', everyMs(200));
    const log = memoryLog();
    const jobs = inProcessJobs(deps, [job, countingJob('never-on-its-own', null)], log, { firstRunAfterMs: 0 });
    await jobs.start();
    await expect.poll(() => job.runs.length).toBeGreaterThanOrEqual(4);
    await jobs.stop();
    const slots = job.runs.map((r) => Date.parse(r.slot));
    // Slots are the schedule's, in order, never one twice; each run happens in (or after) its slot.
    for (const s of slots) expect(s % 200).toBe(0);
    expect(new Set(slots).size).toBe(slots.length);
    expect([...slots].sort((a, b) => a - b)).toEqual(slots);
    for (const r of job.runs) expect(r.at.getTime()).toBeGreaterThanOrEqual(Date.parse(r.slot));
    expect(log.lines.filter((l) => l.msg.startsWith('every-fifth: ran for')).length).toBe(job.runs.length);
    expect(log.lines.some((l) => l.msg.startsWith('never-on-its-own'))).toBe(false);
  });

  it('runs one run of a job at a time: slots that start while it runs do not stack runs, and stop() waits for it', async () => {
    const release = gate();
    let active = 0;
    let mostActive = 0;
    const job = countingJob('slow', everyMs(50), async () => {
      active++;
      mostActive = Math.max(mostActive, active);
      // Only the first run is held.
      if (job.runs.length === 1) await release.wait();
      active--;
    });
    const jobs = inProcessJobs(deps, [job], memoryLog(), { firstRunAfterMs: 0 });
    await jobs.start();
    await expect.poll(() => job.runs.length).toBe(1);
    const held = clock.now().getTime();
    // Ten slots go by while the first run is held: none of them starts a run beside it.
    await expect.poll(() => clock.now().getTime() - held).toBeGreaterThan(500);
    expect(job.runs.length).toBe(1);
    release.open();
    await expect.poll(() => job.runs.length).toBeGreaterThanOrEqual(3);
    expect(mostActive).toBe(1);

    // stop() while a run is held: it resolves only after the run has ended, and nothing runs after it.
    const second = gate();
    let ended = false;
    const held2 = countingJob('held', everyMs(50), async () => {
      await second.wait();
      ended = true;
    });
    const other = inProcessJobs(deps, [held2], memoryLog(), { firstRunAfterMs: 0 });
    await other.start();
    await expect.poll(() => held2.runs.length).toBe(1);
    let stopped = false;
    const stopping = other.stop().then(() => {
      stopped = true;
    });
    await expect.poll(() => clock.now().getTime() - held).toBeGreaterThan(1_000);
    expect(stopped).toBe(false);
    second.open();
    await stopping;
    expect(ended).toBe(true);
    const after = held2.runs.length;
    const at = clock.now().getTime();
    await expect.poll(() => clock.now().getTime() - at).toBeGreaterThan(300);
    expect(held2.runs.length).toBe(after);
    await jobs.stop();
  });

  it('logs a run that fails and tries again at the next slot', async () => {
    const job = countingJob('flaky', everyMs(100), async () => {
      if (job.runs.length === 1) throw new Error('the database was away');
    });
    const log = memoryLog();
    const jobs = inProcessJobs(deps, [job], log, { firstRunAfterMs: 0 });
    await jobs.start();
    await expect.poll(() => job.runs.length).toBeGreaterThanOrEqual(2);
    await jobs.stop();
    const failed = log.lines.find((l) => l.level === 'warn');
    expect(failed?.msg).toBe('flaky failed; trying again at its next slot');
    expect(failed?.obj).toMatchObject({ job: 'flaky', err: { message: 'the database was away' } });
    expect(log.lines.some((l) => l.level === 'info' && l.msg.startsWith('flaky: ran for'))).toBe(true);
  });
});
