import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, tollgate, tollgateWith } from '../cli/run-cli.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';

type Runs = { runs: { job: string; slot: string; at: string; result: { gates: number; atRisk: number }; summary: string }[] };

describe.each(dialects)('tollgate sweep (%s)', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect, { from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('runs the readiness sweep once now, in the command, and says what it found', async () => {
    const r = jsonOf<Runs>(await tollgate(db, 'sweep', '--job', 'readiness-sweep', '--json'));
    expect(r.runs).toHaveLength(1);
    const run = r.runs[0];
    expect(run).toMatchObject({ job: 'readiness-sweep' });
    // The demo's running programs have their gates; the clock is the demo's (TOLLGATE_NOW).
    expect(run?.result.gates).toBeGreaterThan(0);
    expect(run?.at.slice(0, 10)).toBe(db.now?.slice(0, 10));
    expect(run?.summary).toBe(`${run?.result.gates} gates checked, ${run?.result.atRisk} at risk`);
    // All jobs, in people's words; a second sweep finds the same gates.
    const text = await tollgate(db, 'sweep');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(`^readiness-sweep at \\S+Z: ${run?.result.gates} gates checked, ${run?.result.atRisk} at risk\\n`),
    );
    expect(text.stdout).toMatch(/^escalation-sweep at \S+Z: \d+ programs swept: \d+ raised, \d+ climbed, \d+ expired/m);
    expect(text.stdout).toMatch(/^update-request-run at \S+Z: \d+ update requests? in \d+ programs?/m);
  });

  it('lists the jobs with their schedules, and refuses a job it does not have, naming those it has', async () => {
    const list = await tollgateWith(db, { env: { TOLLGATE_READINESS_SWEEP_MS: '0' } }, 'sweep', '--list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^readiness-sweep\s+only when asked$/m);
    expect(list.stdout).toMatch(/^escalation-sweep\s+every 15 min on the clock \(UTC\)$/m);
    expect(jsonOf<{ jobs: { name: string; schedule: string | null }[] }>(await tollgate(db, 'sweep', '--list', '--json')).jobs).toEqual([
      expect.objectContaining({ name: 'readiness-sweep', schedule: 'every 10 min' }),
      expect.objectContaining({ name: 'escalation-sweep', schedule: 'every 15 min on the clock (UTC)' }),
      expect.objectContaining({ name: 'update-request-run', schedule: 'every 15 min on the clock (UTC)' }),
      expect.objectContaining({ name: 'report-auto-issue', schedule: 'every 15 min on the clock (UTC)' }),
      expect.objectContaining({ name: 'leadership-mail', schedule: 'every 15 min on the clock (UTC)' }),
    ]);
    const bad = await tollgate(db, 'sweep', '--job', 'escalation-swep');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--job "escalation-swep": No such job; the jobs are readiness-sweep, escalation-sweep, update-request-run, report-auto-issue, leadership-mail.',
    );
  });
});
