import { describe, expect, it } from 'vitest';
import { checkJobTable, type JobDefinition } from './job.js';
import { jobTable } from './job-table.js';
import { jobIdOf } from './pg-boss-jobs.js';

const named = (name: string): JobDefinition => ({
  name,
  description: name,
  schedule: null,
  retryLimit: 0,
  run: async () => null,
  summary: () => '',
});

describe('the job table', () => {
  it('holds the readiness sweep, scheduled by TOLLGATE_READINESS_SWEEP_MS and only run when asked at 0, the escalation sweep, the update request run, the report schedule and the leadership e-mail every 15 min on the clock', () => {
    expect(jobTable({ readinessSweepMs: 600_000 }).map((j) => [j.name, j.schedule?.everyMs ?? null])).toEqual([
      ['readiness-sweep', 600_000],
      ['escalation-sweep', 900_000],
      ['update-request-run', 900_000],
      ['report-auto-issue', 900_000],
      ['leadership-mail', 900_000],
    ]);
    expect(jobTable({ readinessSweepMs: 0 }).map((j) => [j.name, j.schedule?.text ?? null])).toEqual([
      ['readiness-sweep', null],
      ['escalation-sweep', 'every 15 min on the clock (UTC)'],
      ['update-request-run', 'every 15 min on the clock (UTC)'],
      ['report-auto-issue', 'every 15 min on the clock (UTC)'],
      ['leadership-mail', 'every 15 min on the clock (UTC)'],
    ]);
  });

  it('refuses a name that is not lower-case words joined by hyphens, and a name twice', () => {
    for (const bad of ['Readiness', 'readiness_sweep', 'sweep:1', '-sweep', 'sweep-', '']) {
      expect(() => checkJobTable([named(bad)]), bad).toThrow(/lower-case words/);
    }
    expect(() => checkJobTable([named('sweep'), named('sweep')])).toThrow('Job sweep is in the table twice');
    expect(() => checkJobTable([named('escalation-sweep'), named('readiness-sweep')])).not.toThrow();
  });
});

describe('job ids named by their slot', () => {
  it('are UUIDs (version 5 layout), the same for the same slot on every instance, different for another', () => {
    const id = jobIdOf('escalation-sweep:2026-12-06T16:45:00.000Z');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobIdOf('escalation-sweep:2026-12-06T16:45:00.000Z')).toBe(id);
    expect(jobIdOf('escalation-sweep:2026-12-06T17:00:00.000Z')).not.toBe(id);
    expect(jobIdOf('readiness-sweep:2026-12-06T16:45:00.000Z')).not.toBe(id);
  });
});
