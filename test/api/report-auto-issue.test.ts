import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { autoIssueReports } from '../../src/app/reports/auto-issue-reports.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { writeCompleteCharter } from '../support/charter.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths, seedProgram } from './helpers.js';
import { seedDecision } from './seed-records.js';

/*
 * The weekly report issued by the charter's schedule: Friday 16:00 in Shenzhen (08:00 UTC), 2026-W49.
 * Every instant is fixed; the job's use case is called as the scheduler would, slot by slot.
 */
const week = '2026-W49';
const pin = (deps: AppDeps, at: string) => {
  (deps.clock as { now: () => Date }).now = () => new Date(at);
};

interface Issued {
  revision: number;
  isAutomatic: boolean;
  issuedBy: { id: string };
  issue: { isAutomatic?: true; findingsAcknowledged: boolean; findings: unknown[] };
}

/** A program in Shenzhen with a milestone and an overdue decision, its charter set to issue on Fridays at 16:00 by itself. */
async function scheduledWorld(dialect: 'sqlite' | 'postgres'): Promise<{ t: TestApp; program: Program }> {
  const t = await createTestApp(dialect);
  pin(t.deps, '2026-11-25T02:00:00Z');
  const program = await seedProgram(t, 'SZ-AUTO');
  unwrap(
    await createMilestone(t.deps, {
      programId: program.id,
      actor: t.actor,
      name: 'Tooling sign-off',
      phase: 'G2',
      baselineDate: '2026-12-02' as PlainDate,
      ownerId: t.actor.id,
    }),
  );
  // Due Wednesday and still open on Friday: the lint's overdue decision.
  await seedDecision(t, program, t.actor, { statement: 'Second resin supplier?', ownerId: t.actor.id, dueDate: '2026-12-02' });
  await writeCompleteCharter(t.deps, program.id, t.actor, {
    weeklyReport: { weekday: 5, time: '16:00', recipientIds: [t.actor.id], recipientEmails: [], autoIssue: true },
  });
  return { t, program };
}

describe.each(dialects)('the weekly report issued on the charter’s schedule on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  const base = () => `/api/v1/programs/${program.code}/reports`;

  beforeAll(async () => {
    ({ t, program } = await scheduledWorld(dialect));
  });
  afterAll(() => t.close());

  it('refuses auto-issue without a day and time, naming the field, and shows the setting in the charter', async () => {
    const charter = (await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/charter` })).json<{
      version: number;
      weeklyReport: { autoIssue: boolean };
    }>();
    expect(charter.weeklyReport.autoIssue).toBe(true);
    const { version: _v, ...rest } = charter as unknown as Record<string, unknown>;
    const body = {
      version: charter.version,
      decisionOwnerId: rest.decisionOwnerId,
      escalationPath: rest.escalationPath,
      successDefinitions: rest.successDefinitions,
      leadershipReview: rest.leadershipReview,
      weeklyReport: { weekday: null, time: '16:00', recipientIds: [t.actor.id], recipientEmails: [], autoIssue: true },
    };
    const refused = expectProblem(
      await call(t, { method: 'PUT', url: `/api/v1/programs/${program.code}/charter`, payload: body }),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(refused)).toContain('weeklyReport.autoIssue');
    const wrongType = expectProblem(
      await call(t, {
        method: 'PUT',
        url: `/api/v1/programs/${program.code}/charter`,
        payload: { ...body, weeklyReport: { ...body.weeklyReport, weekday: 5, autoIssue: 'yes' } },
      }),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(wrongType)).toEqual(['weeklyReport.autoIssue']);
  });

  it('issues once when the day and time come in the program’s zone, as the cadence owner, findings acknowledged and recorded', async () => {
    pin(t.deps, '2026-12-04T07:59:00Z');
    expect(await autoIssueReports(t.deps)).toEqual({ programs: 1, issued: 0, unowned: 0, refused: [] });
    pin(t.deps, '2026-12-04T08:00:00Z');
    expect(await autoIssueReports(t.deps)).toEqual({ programs: 1, issued: 1, unowned: 0, refused: [] });
    pin(t.deps, '2026-12-04T08:15:00Z');
    expect(await autoIssueReports(t.deps)).toEqual({ programs: 1, issued: 0, unowned: 0, refused: [] });
    const list = (await call(t, { method: 'GET', url: base() })).json<{
      items: { revision: number; week: string; isAutomatic: boolean }[];
    }>();
    expect(list.items).toEqual([expect.objectContaining({ week, revision: 1, isAutomatic: true })]);
    const issued = (await call(t, { method: 'GET', url: `${base()}/${week}/revisions/1` })).json<Issued>();
    expect(issued).toMatchObject({ revision: 1, isAutomatic: true, issuedBy: { id: t.actor.id }, issue: { isAutomatic: true } });
    // D-1 was due Wednesday and is still open: a finding, acknowledged automatically.
    expect(issued.issue.findings.length).toBeGreaterThan(0);
    expect(issued.issue.findingsAcknowledged).toBe(true);
    const md = (await call(t, { method: 'GET', url: `${base()}/${week}/revisions/1/export?format=md` })).json<{ content: string }>()
      .content;
    expect(md).toContain("Issued automatically at the charter's report day and time");
    const log = (await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/changes?limit=50` })).json<{
      items: { entity: string; reason: string | null; actor: { id: string } }[];
    }>();
    expect(log.items.find((c) => c.entity === 'issued_report')).toMatchObject({
      reason: "Issued automatically: the charter's weekly report day and time (Friday 16:00 Asia/Shanghai).",
      actor: { id: t.actor.id },
    });
  });

  it('leaves a week issued by hand alone, and does not catch up a week that ended', async () => {
    pin(t.deps, '2026-12-08T02:00:00Z');
    const manual = await call(t, { method: 'POST', url: `${base()}/2026-W50/issue`, payload: { acknowledgeFindings: true } });
    expect(manual.statusCode, manual.body).toBe(201);
    pin(t.deps, '2026-12-11T08:00:00Z');
    expect((await autoIssueReports(t.deps)).issued).toBe(0);
    // W51's Friday slot is missed (the server was down); on Monday of W52 it is not issued late.
    pin(t.deps, '2026-12-21T01:00:00Z');
    expect((await autoIssueReports(t.deps)).issued).toBe(0);
    const weeks = (await call(t, { method: 'GET', url: base() })).json<{ items: { week: string; isAutomatic: boolean }[] }>().items;
    expect(weeks.map((w) => [w.week, w.isAutomatic])).toEqual([
      ['2026-W50', false],
      [week, true],
    ]);
  });
});

// SQLite is one instance by design (its one connection's write lock): two instances are PostgreSQL's case.
describe('the weekly report issued on schedule by two instances at once (PostgreSQL)', () => {
  let t: TestApp;
  let program: Program;
  beforeAll(async () => {
    ({ t, program } = await scheduledWorld('postgres'));
  });
  afterAll(() => t.close());

  it('issues a week once with two instances at the same moment', async () => {
    const second = (await t.restart()).deps;
    const at = '2026-12-25T08:00:00Z';
    pin(t.deps, at);
    pin(second, at);
    const [a, b] = await Promise.all([autoIssueReports(t.deps), autoIssueReports(second)]);
    expect(a.issued + b.issued).toBe(1);
    const w52 = await t.deps.store.reads.listIssuedReports(program.id as AuthorizedProgramId, { week: '2026-W52', limit: 10 });
    expect(w52.map((r) => [r.revision, r.isAutomatic])).toEqual([[1, true]]);
  });
});
