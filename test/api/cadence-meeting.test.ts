import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { writeCompleteCharter } from '../support/charter.js';
import { dialects } from '../support/databases.js';
import { readPdf } from '../support/pdf-pages.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';
import { seedDecision } from './seed-records.js';

/*
 * The cadence meeting of 2026-W49 of a program made in Shenzhen: its agenda generated from the draft, the
 * outcomes the cadence owner records during it (through the decision and action use cases), and the minutes
 * in the issued report, re-rendered byte for byte after the program changes. Every instant is fixed.
 */
const week = '2026-W49';

interface Agenda {
  week: string;
  sections: { section: string; items: { record: string; key: string; ownerId: string | null; path: string }[] }[];
  attendees: { id: string; name: string; roles: string[] }[];
  minutes: { kind: string; key: string; outcome?: string; ownerId: string | null; dueDate?: string | null; actorId: string }[];
  canRecord: boolean;
}

describe.each(dialects)('cadence meeting API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let dora: Actor;
  let chen: Actor;
  let olga: Actor;
  const base = () => `/api/v1/programs/${program.code}/reports/${week}`;
  const record = (payload: object, who?: Actor) => call(t, { method: 'POST', url: `${base()}/meeting/outcomes`, payload }, who);
  const countActions = async () => (await t.deps.store.reads.listActions([program.id as AuthorizedProgramId])).length;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(new Date('2026-11-25T02:00:00Z'));
    program = await seedProgram(t, 'SZ-MEET');
    dora = await seedUser(t, 'Dora Keller', 'dora@example.test', { programId: program.id, role: 'decision_owner' });
    chen = await seedUser(t, 'Chen Wei', 'chen@example.test', { programId: program.id, role: 'contributor' });
    olga = await seedUser(t, 'Olga Finance', 'olga@example.test', { programId: program.id, role: 'observer' });
    await writeCompleteCharter(t.deps, program.id, t.actor, { decisionOwnerId: dora.id as never, escalationPath: [dora.id as never] });
    await seedDecision(t, program, t.actor, { statement: 'Approve the pilot quantity', ownerId: t.actor.id, dueDate: '2026-12-04' });
    await seedDecision(t, program, t.actor, { statement: 'Second resin supplier?', ownerId: dora.id, dueDate: '2026-12-02' });
    // Thursday of W49 in Shenzhen: the meeting.
    t.setNow(new Date('2026-12-03T02:00:00Z'));
  });
  afterAll(() => t.close());

  it('generates the agenda from the draft, decisions first (overdue first), attendees from the charter and the items', async () => {
    const res = await call(t, { method: 'GET', url: `${base()}/meeting` }, olga);
    expect(res.statusCode, res.body).toBe(200);
    const agenda = res.json<Agenda>();
    expect(agenda.sections.map((s) => s.section)).toEqual(['decisions', 'blockers', 'risks', 'moved_milestones', 'next_week']);
    expect(agenda.sections[0]?.items.map((i) => [i.key, i.path])).toEqual([
      ['D-2', '/programs/SZ-MEET/decisions/D-2'],
      ['D-1', '/programs/SZ-MEET/decisions/D-1'],
    ]);
    const roles = Object.fromEntries(agenda.attendees.map((a) => [a.name, a.roles]));
    expect(roles['Dora Keller']).toEqual(['decision_owner', 'escalation_path', 'item_owner']);
    expect(roles[t.actor.name]).toEqual(expect.arrayContaining(['cadence_owner', 'item_owner']));
    expect(roles['Olga Finance']).toBeUndefined();
    expect(agenda.attendees[0]?.name).toBe('Dora Keller');
    expect([agenda.minutes, agenda.canRecord]).toEqual([[], false]);
    expect((await call(t, { method: 'GET', url: `${base()}/meeting` })).json<Agenda>().canRecord).toBe(true);
    expectProblem(await call(t, { method: 'GET', url: `/api/v1/programs/SZ-MEET/reports/2026-49/meeting` }), 422, 'VALIDATION_FAILED');
  });

  it('records outcomes straight into the log: a decision decided, one taken in the meeting, a new action; only the cadence owner', async () => {
    const verdict = { outcome: 'Pilot at 500 units', rationale: 'Line capacity', expectedImpact: 'Pilot ends 11 Dec' };
    const actions = await countActions();
    for (const who of [olga, chen, dora]) {
      expectProblem(await record({ kind: 'action', title: 'Chase steel', ownerId: chen.id, dueDate: '2026-12-10' }, who), 403, 'FORBIDDEN');
    }
    expect(await countActions()).toBe(actions);
    const missing = expectProblem(await record({ kind: 'action', title: 'Chase steel', dueDate: '2026-12-10' }), 422, 'VALIDATION_FAILED');
    expect(paths(missing)).toEqual(['ownerId']);
    const early = expectProblem(
      await call(t, {
        method: 'POST',
        url: `/api/v1/programs/${program.code}/reports/2026-W51/meeting/outcomes`,
        payload: { kind: 'action', title: 'Too early', ownerId: chen.id, dueDate: '2026-12-20' },
      }),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(early)).toEqual(['week']);
    // D-2 is Dora's to decide: the cadence owner records only what its owner may write.
    expectProblem(await record({ kind: 'decision', decisionId: 'D-2', version: 1, ...verdict }), 403, 'FORBIDDEN');

    const decided = await record({ kind: 'decision', decisionId: 'D-1', version: 1, ...verdict });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json<Agenda>().minutes).toEqual([
      expect.objectContaining({ kind: 'decision', key: 'D-1', outcome: 'Pilot at 500 units', ownerId: t.actor.id, actorId: t.actor.id }),
    ]);
    expectProblem(await record({ kind: 'decision', decisionId: 'D-1', version: 2, ...verdict }), 409, 'DECISION_CLOSED');

    t.setNow(new Date('2026-12-03T02:10:00Z'));
    const taken = await record({ kind: 'new_decision', statement: 'Ship samples by air', ...verdict, outcome: 'By air this once' });
    expect(taken.statusCode, taken.body).toBe(201);
    t.setNow(new Date('2026-12-03T02:20:00Z'));
    const opened = await record({ kind: 'action', title: 'Book the air freight', ownerId: chen.id, dueDate: '2026-12-08' });
    expect(opened.statusCode, opened.body).toBe(201);
    const agenda = opened.json<Agenda>();
    expect(agenda.minutes.map((m) => [m.kind, m.key])).toEqual([
      ['decision', 'D-1'],
      ['decision', 'D-3'],
      ['action', 'A-1'],
    ]);
    expect(agenda.minutes[2]).toMatchObject({ ownerId: chen.id, dueDate: '2026-12-08' });

    const d3 = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/decisions/D-3` });
    expect(d3.json<{ status: string; outcome: string; ownerId: string }>()).toMatchObject({
      status: 'decided',
      outcome: 'By air this once',
    });
    const log = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/changes?limit=50` });
    expect(log.json<{ items: { entity: string; field: string; newValue: string }[] }>().items).toContainEqual(
      expect.objectContaining({ entity: 'meeting_outcome', field: 'recordKey', newValue: 'A-1' }),
    );
    // The draft carries the minutes too.
    const draft = (await call(t, { method: 'GET', url: base() })).json<{ report: { minutes: unknown[] } }>();
    expect(draft.report.minutes).toHaveLength(3);
  });

  it('issues the minutes with the report, and re-renders them byte for byte after the program changes', async () => {
    const issued = await call(t, { method: 'POST', url: `${base()}/issue`, payload: { acknowledgeFindings: true } });
    expect(issued.statusCode, issued.body).toBe(201);
    const exported = async (format: string) => {
      const r = await call(t, { method: 'GET', url: `${base()}/revisions/1/export?format=${format}` }, olga);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ content: string }>().content;
    };
    const [md, json] = [await exported('md'), await exported('json')];
    expect(md).toContain('## Meeting minutes');
    expect(md).toContain('D-3 Ship samples by air');
    expect(md).toContain('A-1 Book the air freight');
    expect(md).toContain('Chen Wei');
    expect(JSON.parse(json).report.minutes).toHaveLength(3);
    // The PDF (and the e-mail, written from the same document) carries them too.
    const pdf = await call(t, { method: 'GET', url: `${base()}/revisions/1/report.pdf` }, olga);
    expect(pdf.statusCode).toBe(200);
    const text = (await readPdf(pdf.rawPayload)).map((p) => p.lines.join('\n')).join('\n');
    expect(text).toContain('Meeting minutes');
    expect(text).toContain('Book the air freight');

    // Later: another outcome recorded for the week, the action handed over; the issued revision stays as it was.
    t.setNow(new Date('2026-12-04T02:00:00Z'));
    const more = await record({ kind: 'action', title: 'Second quote for resin', ownerId: dora.id, dueDate: '2026-12-11' });
    expect(more.statusCode, more.body).toBe(201);
    expect(await exported('md')).toBe(md);
    expect(await exported('json')).toBe(json);
    // A correction carries the later minutes and says what changed.
    const again = await call(t, { method: 'POST', url: `${base()}/issue`, payload: { acknowledgeFindings: true } });
    expect(again.statusCode, again.body).toBe(201);
    const second = again.json<{ report: { minutes: unknown[] }; issue: { changesFromPrevious: { differences: { path: string }[] } } }>();
    expect(second.report.minutes).toHaveLength(4);
    expect(second.issue.changesFromPrevious.differences.map((x) => x.path).join(' ')).toContain('minutes');
  });
});
