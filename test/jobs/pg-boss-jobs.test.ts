import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.js';
import { jobIdOf, pgBossJobs } from '../../src/jobs/pg-boss-jobs.js';
import { everyMinutesOnTheClock, everyMs, slotKey } from '../../src/jobs/schedule.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { countingJob, depsOn, gate, memoryLog, testClock } from './job-fixtures.js';

type JobRow = { singleton_key: string; state: string; retry_count: number; id: string };

/**
 * Two instances (two store pools, two pg-boss instances with their own pools) on one fresh database,
 * both scheduling and working: each slot's job runs once, on whichever instance fetched it.
 */
describe('jobs on PostgreSQL: pg-boss, every instance scheduling and working', () => {
  let db: TestDatabase;
  const opened: { close(): Promise<void> }[] = [];
  const instance = async (clock: { now(): Date }): Promise<AppDeps> => {
    const o = await depsOn(db, clock);
    opened.push(o);
    return o.deps;
  };
  const jobRows = async (name: string) =>
    (await db.rows(
      `select id, singleton_key, state::text as state, retry_count from pgboss.job where name = '${name}' order by singleton_key`,
    )) as JobRow[];
  // Quick polls and retries for a test; the defaults are 10 s and 30 s.
  const fast = () => ({
    connectionString: db.databaseUrl as string,
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
    stopTimeoutMs: 60_000,
    firstRunAfterMs: 0,
  });

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    for (const o of opened) await o.close();
    await db?.drop();
  });

  it('two instances starting at once on a new database both enqueue the current slot: the handler runs once', async () => {
    // 16:52 on the clock: the slot is 16:45, the next one 15 minutes away (it does not come during the test).
    const clock = testClock('2026-12-06T16:52:07.000Z');
    const [a, b] = await Promise.all([instance(clock), instance(clock)]);
    const sweep = countingJob('escalation-sweep-test', everyMinutesOnTheClock(15));
    const log = memoryLog();
    const one = pgBossJobs(a, [sweep], log, fast());
    const two = pgBossJobs(b, [sweep], log, fast());
    // Both create pg-boss's schema and the queue at the same moment, then enqueue at once.
    await Promise.all([one.start(), two.start()]);
    const key = slotKey('escalation-sweep-test', new Date('2026-12-06T16:45:00.000Z'));
    const tries = () => log.lines.filter((l) => l.level === 'debug').map((l) => l.msg);
    await expect.poll(() => tries().sort()).toEqual([`${key} enqueued`, `${key} was enqueued already`]);
    await expect.poll(async () => (await jobRows('escalation-sweep-test')).map((r) => r.state)).toEqual(['completed']);
    const rows = await jobRows('escalation-sweep-test');
    expect(rows).toMatchObject([{ singleton_key: key, id: jobIdOf(key), retry_count: 0 }]);
    expect(sweep.runs.map((r) => r.slot)).toEqual(['2026-12-06T16:45:00.000Z']);
    // Started again (a restart of both) in the same slot: the slot has run, nothing runs again.
    await Promise.all([one.stop(), two.stop()]);
    const again = [pgBossJobs(a, [sweep], log, fast()), pgBossJobs(b, [sweep], log, fast())];
    await Promise.all(again.map((j) => j.start()));
    await expect.poll(() => tries().filter((t) => t === `${key} was enqueued already`)).toHaveLength(3);
    await Promise.all(again.map((j) => j.stop()));
    expect(await jobRows('escalation-sweep-test')).toHaveLength(1);
    expect(sweep.runs).toHaveLength(1);
    expect(log.lines.filter((l) => l.msg === 'escalation-sweep-test: ran for 2026-12-06T16:45:00.000Z')).toHaveLength(1);
  });

  it('two instances on their own timers, slot after slot: every slot runs exactly once', async () => {
    const clock = testClock('2026-12-06T17:00:00.000Z');
    clock.run();
    const [a, b] = await Promise.all([instance(clock), instance(clock)]);
    const tick = countingJob('tick', everyMs(500));
    const jobs = [pgBossJobs(a, [tick], memoryLog(), fast()), pgBossJobs(b, [tick], memoryLog(), fast())];
    await Promise.all(jobs.map((j) => j.start()));
    await expect.poll(() => new Set(tick.runs.map((r) => r.slot)).size, { timeout: 60_000 }).toBeGreaterThanOrEqual(6);
    await Promise.all(jobs.map((j) => j.stop()));
    const slots = tick.runs.map((r) => r.slot);
    expect(slots.length).toBe(new Set(slots).size);
    const rows = await jobRows('tick');
    expect(rows.length).toBe(new Set(rows.map((r) => r.singleton_key)).size);
    expect(rows.filter((r) => r.state === 'completed').map((r) => r.singleton_key.slice('tick:'.length))).toEqual([...slots].sort());
  });

  it('a handler that throws is logged and retried by pg-boss, a bounded number of times', async () => {
    const clock = testClock('2026-12-06T18:07:00.000Z');
    const deps = await instance(clock);
    let mendsOnThird = 0;
    const flaky = countingJob(
      'flaky',
      everyMinutesOnTheClock(15),
      async () => {
        mendsOnThird++;
        if (mendsOnThird < 3) throw new Error(`refused ${mendsOnThird}`);
      },
      2,
    );
    const broken = countingJob(
      'broken',
      everyMinutesOnTheClock(15),
      async () => {
        throw new Error('always');
      },
      1,
    );
    const log = memoryLog();
    const jobs = pgBossJobs(deps, [flaky, broken], log, fast());
    await jobs.start();
    await expect
      .poll(async () => (await jobRows('flaky')).map((r) => [r.state, r.retry_count]), { timeout: 60_000 })
      .toEqual([['completed', 2]]);
    await expect
      .poll(async () => (await jobRows('broken')).map((r) => [r.state, r.retry_count]), { timeout: 60_000 })
      .toEqual([['failed', 1]]);
    await jobs.stop();
    expect(flaky.runs).toHaveLength(3);
    expect(broken.runs).toHaveLength(2);
    const warnings = log.lines.filter((l) => l.level === 'warn').map((l) => l.msg);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'flaky failed (try 1 of 3); it is tried again',
        'flaky failed (try 2 of 3); it is tried again',
        'broken failed (try 1 of 2); it is tried again',
        'broken failed on its last try',
      ]),
    );
    expect(warnings).toHaveLength(4);
    expect(log.lines.find((l) => l.msg === 'broken failed on its last try')?.obj).toMatchObject({ job: 'broken', attempt: 2, attempts: 2 });
  });

  it('stop() is graceful: it waits for the running handler, whose job then counts as done, not failed', async () => {
    const clock = testClock('2026-12-06T19:31:00.000Z');
    const deps = await instance(clock);
    const release = gate();
    let finished = false;
    const slow = countingJob('slow', everyMinutesOnTheClock(15), async () => {
      await release.wait();
      finished = true;
    });
    const jobs = pgBossJobs(deps, [slow], memoryLog(), fast());
    await jobs.start();
    await expect.poll(() => slow.runs.length).toBe(1);
    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    // Still held after pg-boss has looked at its running work a few times (every 0.5 s).
    const since = Date.now();
    await expect.poll(() => Date.now() - since).toBeGreaterThan(1_500);
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    expect(finished).toBe(true);
    expect((await jobRows('slow')).map((r) => r.state)).toEqual(['completed']);
  });

  it('start() on a database it cannot reach rejects, naming why, and leaves nothing to stop', async () => {
    const deps = await instance(testClock('2026-12-06T20:00:00.000Z'));
    const url = new URL(db.databaseUrl as string);
    url.pathname = '/tollgate_no_such_database';
    const jobs = pgBossJobs(deps, [countingJob('never', everyMs(1000))], memoryLog(), { ...fast(), connectionString: url.toString() });
    await expect(jobs.start()).rejects.toThrow(/tollgate_no_such_database/);
    await jobs.stop();
  });
});
