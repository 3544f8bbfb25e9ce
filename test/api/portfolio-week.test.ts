import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAction } from '../../src/app/actions/open-action.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import { moveMilestone } from '../../src/app/move-milestone.js';
import { visiblePrograms } from '../../src/app/reports/portfolio-week.js';
import { readPortfolioWeek } from '../../src/app/reports/read-portfolio-week.js';
import { getReportDraft } from '../../src/app/reports/report-draft.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import type { Program } from '../../src/domain/program.js';
import { parseReportWeek } from '../../src/domain/report/iso-week.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { readPdf } from '../support/pdf-pages.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';
import { seedDecision, seedRisk } from './seed-records.js';

/*
 * Three programs in two zones and the leadership view of 2026-W49, each program's week in its zone:
 * Shenzhen's runs 2026-11-29T16:00Z to 2026-12-06T16:00Z, Chicago's 2026-11-30T06:00Z to 2026-12-07T06:00Z.
 * A move at 2026-12-07T03:00Z is Sunday evening in Chicago (its W49) though Monday in Shenzhen and UTC.
 */
const d = (s: string) => s as PlainDate;
const week = '2026-W49';
const url = `/api/v1/portfolio/weeks/${week}`;

interface Line {
  program: { code: string };
  revision: number | null;
  health: string;
  readiness: string;
  slipped: { key: string; days: number; reason: string | null }[];
  decisionsDue: { key: string; owner: string | null; isOverdue: boolean }[];
  topRisks: { key: string; score: number }[];
  attention: string[];
  reasons: { kind: string; count: number }[];
}
interface View {
  week: string;
  asOf: string;
  lines: Line[];
  changes: { programCode: string; key: string; reason: string | null; by: string | null }[];
}

describe.each(dialects)('leadership view API on %s', (dialect) => {
  let t: TestApp;
  let sz: Program;
  let chi: Program;
  let quiet: Program;
  let observer: Actor;

  const move = async (program: Program, key: string, to: string, reason: string, at: string) => {
    t.setNow(new Date(at));
    const m = (await t.deps.store.reads.listMilestones(program.id as AuthorizedProgramId)).find((x) => x.key === key);
    if (!m) throw new Error(`no ${key}`);
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
    sz = await seedProgram(t, 'SZ-LEAD');
    chi = await seedProgram(t, 'CHI-LEAD', { timeZone: 'America/Chicago' });
    quiet = await seedProgram(t, 'QUIET');
    observer = await seedUser(t, 'Dana Finance', 'dana@example.test', { programId: sz.id, role: 'observer' });
    for (const p of [sz, chi, quiet]) {
      unwrap(
        await createMilestone(t.deps, {
          programId: p.id,
          actor: t.actor,
          name: 'Pilot run',
          phase: 'G2',
          baselineDate: d('2026-12-10'),
          ownerId: t.actor.id,
        }),
      );
    }
    await seedRisk(t, sz, t.actor, { title: 'Resin shortage', ownerId: t.actor.id, likelihood: 4, impact: 4, reviewDate: null });
    await seedDecision(t, chi, t.actor, { statement: 'Second tool?', ownerId: t.actor.id, dueDate: '2026-12-02' });
    // Actions the batch reads (blocking; due the week after; changed since the week began) and one it need not.
    const action = async (title: string, dueDate: string, blocks: string | null) =>
      unwrap(
        await openAction(t.deps, {
          programId: chi.id,
          actor: t.actor,
          title,
          ownerId: t.actor.id,
          dueDate: d(dueDate),
          blocksMilestoneId: blocks,
        }),
      );
    await action('Repair the press', '2026-12-03', 'M-1');
    await action('Order spare dies', '2026-12-09', null);
    await action('Paint the fence', '2027-01-15', null);
    await move(sz, 'M-1', '2026-12-15', 'Steel arrives late', '2026-12-01T02:00:00Z');
    // Sunday 21:00 in Chicago: its W49, though Monday in UTC.
    await move(chi, 'M-1', '2026-12-14', 'Press down', '2026-12-07T03:00:00Z');
    t.setNow(new Date('2026-12-08T02:00:00Z'));
    const issued = await call(t, {
      method: 'POST',
      url: `/api/v1/programs/${sz.code}/reports/${week}/issue`,
      payload: { acknowledgeFindings: true },
    });
    expect(issued.statusCode, issued.body).toBe(201);
  });
  afterAll(() => t.close());

  it('answers one line per program, attention first, each week in its zone, the issued revision where there is one', async () => {
    const res = await call(t, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<View>();
    expect(view).toMatchObject({ week, asOf: '2026-12-08T02:00:00.000Z' });
    expect(view.lines.map((l) => [l.program.code, l.revision])).toEqual([
      ['CHI-LEAD', null],
      ['SZ-LEAD', 1],
      ['QUIET', null],
    ]);
    const [chiLine, szLine, quietLine] = view.lines;
    expect(chiLine?.slipped).toEqual([{ key: 'M-1', name: 'Pilot run', days: 2, reason: 'Press down' }]);
    expect(chiLine?.decisionsDue).toEqual([expect.objectContaining({ key: 'D-1', isOverdue: true })]);
    expect(chiLine?.reasons.map((r) => r.kind)).toContain('decisions_overdue');
    // Its blocking action is overdue: release readiness red.
    expect(chiLine?.readiness).toBe('red');
    expect(szLine?.slipped).toEqual([expect.objectContaining({ key: 'M-1', reason: 'Steel arrives late' })]);
    expect(szLine?.topRisks).toEqual([expect.objectContaining({ key: 'R-1', score: 16 })]);
    expect(quietLine?.attention).toEqual([]);
    expect(view.changes.map((c) => [c.programCode, c.key, c.reason])).toEqual([
      ['CHI-LEAD', 'M-1', 'Press down'],
      ['SZ-LEAD', 'M-1', 'Steel arrives late'],
    ]);
  });

  it('reads the drafts in one batch exactly as each program’s own draft reads', async () => {
    const programs = visiblePrograms(t.actor, await t.deps.store.reads.listPrograms());
    const w = parseReportWeek(week);
    if (!w.ok) throw new Error('week');
    // The batch without the issued week: every program from its draft.
    const batch = unwrap(await readPortfolioWeek(t.deps.store.reads, programs, { ...w.value, label: week }, t.deps.clock.now()));
    for (const p of [chi, quiet]) {
      const own = unwrap(await getReportDraft(t.deps, { programId: p.id, actor: t.actor, week })).report;
      const read = batch.find((b) => b.report.program.code === p.code);
      if (!read) throw new Error(`${p.code} is missing`);
      // The summary (what the view reads of a draft) is the draft's parts, exactly.
      const { people, ...parts } = read.report;
      const { program, onTrack, milestoneMovement, blockers, decisionsNeeded, riskChanges, releaseReadiness } = own;
      expect(parts).toEqual({
        program,
        week: own.week,
        onTrack,
        milestoneMovement,
        blockers,
        decisionsNeeded,
        riskChanges,
        releaseReadiness,
      });
      // It names everyone its parts name, and the risks' owners (the view's top risks), as the draft names them.
      const named = new Set<string>(read.risks.flatMap((r) => (r.ownerId ? [r.ownerId] : [])));
      JSON.stringify(parts, (k, v) => {
        if ((k === 'ownerId' || k === 'actorId') && typeof v === 'string') named.add(v);
        return v;
      });
      expect(people.map((x) => x.id).sort()).toEqual([...named].sort());
      const names = new Map(own.people.map((x) => [x.id, x.name]));
      for (const x of people) if (names.has(x.id)) expect(x.name).toBe(names.get(x.id));
      if (p === chi) expect(people.length).toBeGreaterThan(0);
    }
  });

  it('shows an observer only the programs they may see', async () => {
    const view = (await call(t, { method: 'GET', url }, observer)).json<View>();
    expect(view.lines.map((l) => l.program.code)).toEqual(['SZ-LEAD']);
    expect(view.changes.map((c) => c.programCode)).toEqual(['SZ-LEAD']);
    const md = (await call(t, { method: 'GET', url: `${url}/export?format=md` }, observer)).json<{ content: string }>().content;
    expect(md).not.toContain('CHI-LEAD');
  });

  it('exports Markdown, JSON and a PDF of the same document', async () => {
    const md = await call(t, { method: 'GET', url: `${url}/export` });
    expect(md.statusCode, md.body).toBe(200);
    const file = md.json<{ fileName: string; mediaType: string; content: string }>();
    expect(file).toMatchObject({ fileName: `portfolio-${week}.md`, mediaType: 'text/markdown' });
    expect(file.content).toContain(`# Portfolio ${week}`);
    expect(file.content).toContain('## Needs attention first');
    expect(file.content).toMatch(/CHI-LEAD Kettle CHI-LEAD: .*1 decision overdue\./);
    const json = (await call(t, { method: 'GET', url: `${url}/export?format=json` })).json<{ content: string }>();
    expect(JSON.parse(json.content).lines).toHaveLength(3);
    const pdf = await call(t, { method: 'GET', url: `${url}/report.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="portfolio-${week}.pdf"`);
    const text = (await readPdf(pdf.rawPayload)).map((p) => p.lines.join('\n')).join('\n');
    for (const s of [`Portfolio ${week}`, 'Needs attention first', 'CHI-LEAD', 'Press down']) expect(text).toContain(s);
  });

  it('refuses a week that is not one, naming it, and a caller without a session', async () => {
    for (const bad of ['2026-49', '2026-W54']) {
      expect(
        paths(expectProblem(await call(t, { method: 'GET', url: `/api/v1/portfolio/weeks/${bad}` }), 422, 'VALIDATION_FAILED')),
      ).toEqual(['week']);
      expectProblem(await call(t, { method: 'GET', url: `/api/v1/portfolio/weeks/${bad}/report.pdf` }), 422, 'VALIDATION_FAILED');
    }
    expectProblem(await call(t, { method: 'GET', url }, 'anonymous'), 401, 'UNAUTHENTICATED');
    expectProblem(await call(t, { method: 'GET', url: `${url}/report.pdf` }, 'anonymous'), 401, 'UNAUTHENTICATED');
  });
});
