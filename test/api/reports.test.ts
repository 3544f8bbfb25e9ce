import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAction } from '../../src/app/actions/open-action.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import { sweepEscalations } from '../../src/app/escalations/sweep-escalations.js';
import { deliverOutbox } from '../../src/app/mail/deliver-outbox.js';
import { moveMilestone } from '../../src/app/move-milestone.js';
import { closeRisk } from '../../src/app/risks/close-risk.js';
import { updateProgram } from '../../src/app/setup/programs.js';
import { updateMilestone } from '../../src/app/update-milestone.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import type { Program } from '../../src/domain/program.js';
import { smtpMailer } from '../../src/jobs/smtp-mailer.js';
import { renderIssuedReportPdf } from '../../src/pdf/weekly-report-pdf.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { writeCompleteCharter } from '../support/charter.js';
import { dialects } from '../support/databases.js';
import { readPdf } from '../support/pdf-pages.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';
import { seedDecision, seedRisk } from './seed-records.js';

/*
 * A program made in Shenzhen (Asia/Shanghai) and its report of 2026-W49: Monday 30 November 00:00 to
 * Monday 7 December 00:00 there (2026-11-29T16:00Z to 2026-12-06T16:00Z). Every instant is fixed.
 */
const d = (s: string) => s as PlainDate;
const week = '2026-W49';

interface Move {
  key: string;
  from: string;
  to: string;
  reason: string | null;
  at: string;
}
interface Draft {
  week: string;
  report: {
    milestoneMovement: { moved: Move[] };
    planVsActual: { key: string; name: string; forecastDate: string }[];
    riskChanges: { kind: string; key: string }[];
    blockers: { actions: unknown[]; escalations: { key: string; status: string }[] };
    narrative: string;
  };
  findings: { kind: string; key: string }[];
  narrativeVersion: number;
  latestRevision: number | null;
  canIssue: boolean;
}
interface Issued {
  week: string;
  revision: number;
  findingsAcknowledged: boolean;
  issue: { findings: unknown[]; changesFromPrevious: { revision: number; differences: { path: string }[] } | null };
}

describe.each(dialects)('weekly reports API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  const base = () => `/api/v1/programs/${program.code}/reports`;
  const milestone = async (key: string) => {
    const m = (await t.deps.store.reads.listMilestones(program.id as AuthorizedProgramId)).find((x) => x.key === key);
    if (!m) throw new Error(`no ${key}`);
    return m;
  };
  const move = async (key: string, to: string, reason: string, at: string) => {
    t.setNow(new Date(at));
    const m = await milestone(key);
    unwrap(
      await moveMilestone(t.deps, {
        programId: program.id,
        milestoneId: m.id,
        version: m.version,
        actor: t.actor,
        forecastDate: d(to),
        reason,
      }),
    );
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(new Date('2026-11-25T02:00:00Z'));
    program = await seedProgram(t, 'SZ-REPORT');
    chen = await seedUser(t, 'Chen Wei', 'chen@example.test', { programId: program.id, role: 'contributor' });
    for (const [name, baselineDate, ownerId] of [
      ['Tooling sign-off', '2026-12-02', t.actor.id],
      ['Pilot run', '2026-12-10', chen.id],
    ] as const) {
      unwrap(
        await createMilestone(t.deps, { programId: program.id, actor: t.actor, name, phase: 'G2', baselineDate: d(baselineDate), ownerId }),
      );
    }
    await seedRisk(t, program, t.actor, { title: 'Resin shortage', ownerId: t.actor.id, likelihood: 3, impact: 4, reviewDate: null });
    // Due Thursday of the week and still open at its end: the lint's overdue decision.
    await seedDecision(t, program, t.actor, { statement: 'Second resin supplier?', ownerId: t.actor.id, dueDate: '2026-12-03' });
    await move('M-1', '2026-12-04', 'Steel arrives late', '2026-12-01T02:00:00Z');
    // Sunday 23:30 in Shenzhen, 15:30 UTC: still W49 there.
    await move('M-2', '2026-12-11', 'Line booked by another program', '2026-12-06T15:30:00Z');
    // Monday 00:30 in Shenzhen: W50.
    await move('M-2', '2026-12-14', 'Line booked again', '2026-12-06T16:30:00Z');
    t.setNow(new Date('2026-12-07T02:00:00Z'));
  });
  afterAll(() => t.close());

  it('reads the week in the program’s zone: a move at 23:30 Sunday in Shenzhen is in it, one at 00:30 Monday is not; dates as they stood at its end', async () => {
    const res = await call(t, { method: 'GET', url: `${base()}/${week}` }, chen);
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json<Draft>();
    expect(draft.report.milestoneMovement.moved.map((m) => [m.key, m.from, m.to, m.reason, m.at])).toEqual([
      ['M-1', '2026-12-02', '2026-12-04', 'Steel arrives late', '2026-12-01T02:00:00.000Z'],
      ['M-2', '2026-12-10', '2026-12-11', 'Line booked by another program', '2026-12-06T15:30:00.000Z'],
    ]);
    // The Monday move is after the week: M-2 stood at 11 December when it ended.
    expect(draft.report.planVsActual.map((r) => [r.key, r.forecastDate])).toEqual([
      ['M-1', '2026-12-04'],
      ['M-2', '2026-12-11'],
    ]);
    expect(draft.findings).toEqual([expect.objectContaining({ kind: 'decision_overdue', key: 'D-1' })]);
    expect([draft.narrativeVersion, draft.latestRevision, draft.canIssue]).toEqual([0, null, false]);
    // Escalations raised now (M-1's forecast of 4 December has passed) are in this week's draft, not in W49's.
    await sweepEscalations(t.deps);
    const next = (await call(t, { method: 'GET', url: `${base()}/2026-W50` })).json<Draft>();
    expect(next.report.milestoneMovement.moved.map((m) => [m.key, m.to])).toEqual([['M-2', '2026-12-14']]);
    expect(next.report.blockers.escalations).toContainEqual(expect.objectContaining({ key: 'X-1', status: 'open' }));
    const again = (await call(t, { method: 'GET', url: `${base()}/${week}` })).json<Draft>();
    expect(again.report.blockers.escalations).toEqual([]);
  });

  it('refuses a week that is not one, or out of range, naming the week', async () => {
    for (const bad of ['2026-49', '2026-W54', '1999-W52', '2026-W00']) {
      const p = expectProblem(await call(t, { method: 'GET', url: `${base()}/${bad}` }), 422, 'VALIDATION_FAILED');
      expect(paths(p)).toEqual(['week']);
    }
    expectProblem(await call(t, { method: 'GET', url: `/api/v1/programs/NOPE/reports/${week}` }), 404, 'PROGRAM_NOT_FOUND');
  });

  it('lets only the cadence owner write the narrative, at the version read, at most 4000 characters', async () => {
    const url = `${base()}/${week}/narrative`;
    expectProblem(await call(t, { method: 'PUT', url, payload: { narrative: 'Mine', version: 0 } }, chen), 403, 'FORBIDDEN');
    const long = expectProblem(
      await call(t, { method: 'PUT', url, payload: { narrative: 'x'.repeat(4001), version: 0 } }),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(long)).toEqual(['narrative']);
    expectProblem(await call(t, { method: 'PUT', url, payload: { narrative: 'Late steel.', version: 3 } }), 409, 'VERSION_CONFLICT');
    const saved = await call(t, { method: 'PUT', url, payload: { narrative: 'Late steel; pilot holds.', version: 0 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<Draft>()).toMatchObject({ narrativeVersion: 1, canIssue: true, report: { narrative: 'Late steel; pilot holds.' } });
    // Two first narratives of a week at once: one is written, the other refused, never both.
    const racing = await Promise.all(
      ['One', 'Two'].map((narrative) =>
        call(t, { method: 'PUT', url: `${base()}/2026-W48/narrative`, payload: { narrative, version: 0 } }),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(racing.find((r) => r.statusCode === 409)?.json<{ code: string }>().code).toBe('VERSION_CONFLICT');
    const log = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/changes?limit=20` });
    expect(log.json<{ items: { entity: string; field: string; newValue: string }[] }>().items).toContainEqual(
      expect.objectContaining({ entity: 'report_draft', field: 'narrative', newValue: 'Late steel; pilot holds.' }),
    );
  });

  it('issues (cadence owner only; findings need acknowledging), and re-renders an issued report byte for byte after heavy changes', async () => {
    const issue = `${base()}/${week}/issue`;
    expectProblem(await call(t, { method: 'POST', url: issue, payload: { acknowledgeFindings: true } }, chen), 403, 'FORBIDDEN');
    const refused = expectProblem(await call(t, { method: 'POST', url: issue, payload: {} }), 409, 'REPORT_HAS_FINDINGS');
    expect(paths(refused)).toEqual(['findings.0']);
    expect((await call(t, { method: 'GET', url: base() })).json<{ items: unknown[] }>().items).toEqual([]);
    expectProblem(
      await call(t, { method: 'POST', url: `${base()}/2026-W51/issue`, payload: { acknowledgeFindings: true } }),
      422,
      'VALIDATION_FAILED',
    );

    const first = await call(t, { method: 'POST', url: issue, payload: { acknowledgeFindings: true } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Issued>()).toMatchObject({ week, revision: 1, findingsAcknowledged: true, issue: { changesFromPrevious: null } });
    const exported = async (format: string, revision = 1) => {
      const r = await call(t, { method: 'GET', url: `${base()}/${week}/revisions/${revision}/export?format=${format}` }, chen);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ content: string; fileName: string }>();
    };
    const [md, json, one] = [
      await exported('md'),
      await exported('json'),
      (await call(t, { method: 'GET', url: `${base()}/${week}/revisions/1` })).body,
    ];
    expect(md.fileName).toBe(`SZ-REPORT-${week}-r1.md`);
    expect(md.content).toContain('Late steel; pilot holds.');
    expect(md.content).toContain('Issued with 1 lint finding, acknowledged');
    expect(JSON.parse(json.content).report.milestoneMovement.moved).toHaveLength(2);

    const before = (await call(t, { method: 'GET', url: `${base()}/${week}` })).json<Draft>().report;
    // Heavy changes afterwards: milestones moved and renamed, the risk closed, an action added, the program renamed.
    t.setNow(new Date('2026-12-08T03:00:00Z'));
    await move('M-1', '2026-12-18', 'Steel still late', '2026-12-08T03:00:00Z');
    const m2 = await milestone('M-2');
    unwrap(
      await updateMilestone(t.deps, {
        programId: program.id,
        milestoneId: m2.id,
        version: m2.version,
        actor: t.actor,
        patch: { name: 'Pilot run (line 2)' },
      }),
    );
    unwrap(
      await closeRisk(t.deps, { programId: program.id, riskId: 'R-1', version: 1, actor: t.actor, reason: 'Second supplier qualified' }),
    );
    unwrap(
      await openAction(t.deps, {
        programId: program.id,
        actor: t.actor,
        title: 'Chase steel',
        ownerId: chen.id,
        dueDate: d('2026-12-01'),
        blocksMilestoneId: 'M-1',
      }),
    );
    const p = await t.deps.store.reads.findProgram(program.id);
    unwrap(await updateProgram(t.deps, { actor: t.actor, programId: program.id, version: p?.version ?? 0, name: 'Kettle, renamed' }));

    // The draft of the past week still reads the week as it ended: only what is not wound back (the program's name) differs.
    const after = (await call(t, { method: 'GET', url: `${base()}/${week}` })).json<Draft & { report: { program: { name: string } } }>()
      .report;
    expect(after.program.name).toBe('Kettle, renamed');
    expect({ ...after, program: null }).toEqual({ ...before, program: null });
    expect(await exported('md')).toEqual(md);
    expect(await exported('json')).toEqual(json);
    expect((await call(t, { method: 'GET', url: `${base()}/${week}/revisions/1` })).body).toBe(one);

    // A correction: revision 2, read as the week ended (the later moves are not in it), saying what changed.
    const again = await call(t, { method: 'POST', url: issue, payload: { acknowledgeFindings: true, reason: 'Program renamed' } });
    expect(again.statusCode, again.body).toBe(201);
    const second = again.json<Issued>();
    expect(second.revision).toBe(2);
    expect(second.issue.changesFromPrevious?.revision).toBe(1);
    expect(second.issue.changesFromPrevious?.differences.map((x) => x.path)).toContain('program.name');
    expect(second.issue.changesFromPrevious?.differences.map((x) => x.path)).not.toContain('planVsActual[M-1].forecastDate');
    const latest = await call(t, { method: 'GET', url: `${base()}/${week}/revisions/latest` });
    expect(latest.json<Issued>().revision).toBe(2);
    const list = await call(t, { method: 'GET', url: `${base()}?limit=1` }, chen);
    const page = list.json<{ items: { revision: number }[]; nextCursor: string | null }>();
    expect(page.items.map((i) => i.revision)).toEqual([2]);
    const rest = await call(t, { method: 'GET', url: `${base()}?limit=1&cursor=${page.nextCursor}` }, chen);
    expect(rest.json<{ items: { revision: number }[]; nextCursor: string | null }>()).toEqual({
      items: [expect.objectContaining({ revision: 1 })],
      nextCursor: null,
    });
    expectProblem(await call(t, { method: 'GET', url: `${base()}/${week}/revisions/3` }), 404, 'REPORT_NOT_FOUND');
    expectProblem(await call(t, { method: 'GET', url: `${base()}/${week}/revisions/1/export?format=pdf` }), 422, 'VALIDATION_FAILED');
  });

  it('e-mails an issued report to the charter’s recipients with its PDF attached, and serves the same PDF', async () => {
    const sink = await startSmtpSink();
    const mailer = smtpMailer(sink.url, 'Tollgate <tollgate@example.test>');
    const publicUrl = 'https://tollgate.example.test';
    try {
      t.setNow(new Date('2026-12-08T04:00:00Z'));
      await writeCompleteCharter(t.deps, program.id, t.actor, {
        weeklyReport: {
          weekday: 5,
          time: '16:00',
          recipientIds: [t.actor.id, chen.id],
          recipientEmails: ['Buyer@Client.example'],
          autoIssue: false,
        },
      });
      Object.assign(t.deps, { mail: { publicUrl, reportPdf: renderIssuedReportPdf } });
      const issued = await call(t, { method: 'POST', url: `${base()}/${week}/issue`, payload: { acknowledgeFindings: true } });
      expect(issued.statusCode, issued.body).toBe(201);
      const revision = issued.json<Issued>().revision;
      expect(await deliverOutbox(t.deps, mailer, 'worker-1')).toMatchObject({ sent: 3, retrying: 0 });
      const mails = await sink.parsed();
      const to = mails.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '')).sort();
      expect(to).toEqual(['buyer@client.example', 'chen@example.test', t.actor.email].sort());
      for (const m of mails) {
        expect(m.subject).toMatch(new RegExp(`^\\[Tollgate\\] SZ-REPORT weekly report ${week} \\(revision ${revision}\\): `));
        for (const heading of [
          '1. Milestone movement',
          '2. Blockers requiring action',
          '3. Decisions needed from owners',
          '4. Risk changes',
        ]) {
          expect(m.text).toContain(heading);
          expect(m.html).toContain(`<h2>${heading}</h2>`);
        }
        expect(m.text).toContain(`${publicUrl}/programs/SZ-REPORT/reports/${week}/${revision}`);
        expect(m.text).toContain(`This is revision ${revision}: it corrects the report issued before.`);
      }
      const [first] = mails;
      expect(first?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        [`SZ-REPORT-${week}-r${revision}.pdf`, 'application/pdf'],
      ]);
      const attached = first?.attachments[0]?.content ?? Buffer.alloc(0);
      const text = (await readPdf(attached)).map((p) => p.lines.join('\n')).join('\n');
      for (const heading of ['1. Milestone movement', '5. Next-week plan (2026-W50)', `Revision ${revision} of ${week}`])
        expect(text).toContain(heading);
      expect(text).toMatch(/M-1 Tooling sign-off/);
      // The download is drawn from the snapshot: the same bytes as the e-mail's, whenever asked.
      const pdf = await call(t, { method: 'GET', url: `${base()}/${week}/revisions/${revision}/report.pdf` }, chen);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(`attachment; filename="SZ-REPORT-${week}-r${revision}.pdf"`);
      expect(Buffer.compare(pdf.rawPayload, attached)).toBe(0);
      expectProblem(await call(t, { method: 'GET', url: `${base()}/${week}/revisions/99/report.pdf` }), 404, 'REPORT_NOT_FOUND');
    } finally {
      Object.assign(t.deps, { mail: undefined });
      mailer.close();
      await sink.close();
    }
  });
});
